// The OCR tools, run as child processes (never in the event loop): poppler's pdfinfo, pdftotext and pdftoppm read a
// PDF's pages, Debian's tesseract with its simplified-Chinese data (chi_sim) recognises each page at 300 dpi. Every
// call has a time limit; a tool that fails or overruns throws an OcrError naming why.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OcrFailure } from '../../common/ocr/ocrApi.ts';
import { tidyOcrText } from '../domain/ocr/ocrText.ts';

const run = promisify(execFile);

/** The resolution pages are rendered at: tesseract's models are trained on text of about this size. */
export const OCR_DPI = 300;

export class OcrError extends Error {
  constructor(
    readonly reason: OcrFailure,
    message: string,
    /** The tool itself is missing: the machine's fault, not the file's (the file waits until it is installed). */
    readonly toolMissing = false,
  ) {
    super(message);
    this.name = 'OcrError';
  }
}

interface Limits {
  timeoutMs: number;
}

async function tool(command: string, args: string[], limits: Limits, failure: OcrFailure): Promise<string> {
  try {
    const { stdout } = await run(command, args, {
      timeout: limits.timeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
      // One thread each: the machine's cores serve requests first; the job goes page by page.
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    return stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; stderr?: string };
    if (e.killed || e.signal === 'SIGKILL')
      throw new OcrError('timeout', `${command} took longer than ${limits.timeoutMs} ms`);
    if (e.code === 'ENOENT')
      throw new OcrError('engine', `${command} is not installed (see scripts/ocrPackages.mjs)`, true);
    throw new OcrError(failure, `${command} failed: ${(e.stderr ?? e.message).trim().slice(0, 300)}`);
  }
}

/** The number of pages of a PDF; a file pdfinfo cannot read is `unreadable`, one with no page `no_pages`. */
export async function pdfPageCount(file: string, limits: Limits): Promise<number> {
  const info = await tool('pdfinfo', [file], limits, 'unreadable');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 'NaN');
  if (!Number.isInteger(pages)) throw new OcrError('unreadable', 'pdfinfo names no page count');
  if (pages === 0) throw new OcrError('no_pages', 'the PDF has no page');
  return pages;
}

/** Whether a PDF carries a text layer of its own (pdftotext finds words): then search reads it and OCR is not needed. */
export async function pdfHasText(file: string, limits: Limits): Promise<boolean> {
  const text = await tool('pdftotext', ['-enc', 'UTF-8', '-q', file, '-'], limits, 'unreadable');
  return text.replace(/\s+/g, '').length > 0;
}

/** Renders one page (1-based) as a greyscale PNG at OCR_DPI into `dir`; returns its path. */
export async function renderPage(file: string, page: number, dir: string, limits: Limits): Promise<string> {
  const prefix = path.join(dir, `page-${page}`);
  const args = ['-r', String(OCR_DPI), '-gray', '-png', '-f', String(page), '-l', String(page), '-singlefile'];
  await tool('pdftoppm', [...args, file, prefix], limits, 'unreadable');
  const out = `${prefix}.png`;
  if (!fs.existsSync(out)) throw new OcrError('unreadable', `pdftoppm rendered no page ${page}`);
  return out;
}

/** The text tesseract reads in one image (PNG or JPEG), tidied for Chinese. */
export async function recogniseImage(image: string, limits: Limits): Promise<string> {
  const raw = await tool('tesseract', [image, 'stdout', '-l', 'chi_sim', '--psm', '3'], limits, 'unreadable');
  return tidyOcrText(raw);
}
