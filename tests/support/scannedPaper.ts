// Scanned paper for OCR tests: known Chinese text set with a CJK font (pdfkit), rasterised at 300 dpi by pdftoppm as a
// scanner would, then wrapped page by page as images into a PDF with no text layer; or one page as a PNG. And how much
// of the text came back, character by character.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { findCjkFont } from '../../server/export/cjkFont.ts';

const run = promisify(execFile);

/** A small page (A6 landscape, in points): OCR time grows with the page's area, the test's accuracy does not. */
const PAGE: [number, number] = [420, 298];

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

/** FandolSong (texlive-lang-chinese, which the 公文 layout needs anyway): a 宋体, the face of printed official paper. */
const FANDOL_SONG = [
  '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolSong-Regular.otf',
  '/usr/share/fonts/opentype/fandol/FandolSong-Regular.otf',
];

/** A PDF with a text layer: each page's lines in FandolSong (else the system's CJK font) at 16 pt. */
export function textPdf(pages: readonly (readonly string[])[]): Promise<Buffer> {
  const song = FANDOL_SONG.find((f) => fs.existsSync(f));
  const font = song ? { file: song, postscriptName: undefined } : findCjkFont(null);
  if (!font) throw new Error('no CJK font: apt-get install texlive-lang-chinese');
  const doc = new PDFDocument({
    size: PAGE,
    margins: { top: 30, bottom: 20, left: 30, right: 30 },
    autoFirstPage: false,
  });
  const done = collect(doc);
  doc.registerFont('cjk', font.file, font.postscriptName);
  for (const lines of pages) {
    doc.addPage();
    doc.font('cjk').fontSize(16);
    for (const line of lines) doc.text(line, { lineGap: 8 });
  }
  doc.end();
  return done;
}

/** The pages of a PDF as 300 dpi greyscale PNGs, as a scanner would give them. */
async function rasterise(pdf: Buffer): Promise<Buffer[]> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tongban-scan-'));
  try {
    await fs.promises.writeFile(path.join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', ['-r', '300', '-gray', '-png', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const files = (await fs.promises.readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    return Promise.all(files.map((f) => fs.promises.readFile(path.join(dir, f))));
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** A scanned PDF of these pages: images only, no text layer (pdftotext gives nothing). */
export async function scannedPdf(pages: readonly (readonly string[])[]): Promise<Buffer> {
  const images = await rasterise(await textPdf(pages));
  const doc = new PDFDocument({ size: PAGE, margin: 0, autoFirstPage: false });
  const done = collect(doc);
  for (const png of images) {
    doc.addPage();
    doc.image(png, 0, 0, { width: PAGE[0], height: PAGE[1] });
  }
  doc.end();
  return done;
}

/** One page of these lines as a 300 dpi PNG (a photographed or scanned image). */
export async function scannedPng(lines: readonly string[]): Promise<Buffer> {
  const [png] = await rasterise(await textPdf([lines]));
  return png!;
}

/** Levenshtein distance over code points. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Share of the expected characters recovered: 1 − edit distance / length, whitespace ignored on both sides. */
export function characterAccuracy(expected: string, recognised: string): number {
  const chars = (s: string) => [...s.replace(/\s+/g, '')];
  const want = chars(expected);
  return want.length === 0 ? 1 : Math.max(0, 1 - editDistance(want, chars(recognised)) / want.length);
}
