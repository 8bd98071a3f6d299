// Draws a laid-out 公文 (gongwenLayout.ts) as a fixed PDF with pdfkit: the fonts embedded (subset), the 版头 and its rule
// in red, the seal as vector art in red over the signature and date.
import PDFDocument from 'pdfkit';
import { layoutGongwen, PAGE, RED, type GongwenContent, type LaidOutPage, type PlacedSeal } from './gongwenLayout.ts';
import type { GongwenFace, GongwenFonts } from './gongwenFonts.ts';

export interface GongwenPdfInput extends GongwenContent {
  fonts: GongwenFonts;
  /** PDF metadata. */
  author: string;
  /** Fixed creation time, so the same document renders to the same bytes (sealing signs those bytes). */
  createdAt: Date;
}

const FACES: GongwenFace[] = ['xiaobiaosong', 'fangsong', 'heiti', 'kaiti', 'songti'];

export async function renderGongwenPdf(input: GongwenPdfInput): Promise<{ pdf: Buffer; pages: LaidOutPage[] }> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: input.title,
      Author: input.author,
      Creator: '同办 Tongban',
      Producer: '同办 Tongban',
      CreationDate: input.createdAt,
      ModDate: input.createdAt,
    },
  });
  for (const face of FACES) doc.registerFont(face, input.fonts[face].file, input.fonts[face].postscriptName);
  const measure = (text: string, face: GongwenFace, size: number) => doc.font(face).fontSize(size).widthOfString(text);
  const pages = layoutGongwen(input, measure);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of pages) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    for (const item of page.items) {
      if (item.kind === 'text') {
        doc
          .font(item.face)
          .fontSize(item.size)
          .fillColor(item.colour)
          .text(item.text, item.x, item.y, {
            lineBreak: false,
            baseline: 'alphabetic',
            characterSpacing: item.characterSpacing,
            ...(item.horizontalScaling && item.horizontalScaling !== 100
              ? { horizontalScaling: item.horizontalScaling }
              : {}),
          });
      } else if (item.kind === 'rule') {
        doc
          .save()
          .moveTo(item.x, item.y)
          .lineTo(item.x + item.width, item.y)
          .lineWidth(item.thickness)
          .strokeColor(item.colour)
          .stroke()
          .restore();
      } else drawSeal(doc, item);
    }
  }
  doc.end();
  return { pdf: await done, pages };
}

/** A round official seal: a red ring, the unit's name along the upper arc, a five-pointed star in the middle. */
function drawSeal(doc: PDFKit.PDFDocument, seal: PlacedSeal): void {
  const r = seal.diameter / 2;
  doc.save();
  doc.fillOpacity(0.85).strokeOpacity(0.85);
  doc
    .circle(seal.cx, seal.cy, r - 1.5)
    .lineWidth(3)
    .strokeColor(RED)
    .stroke();
  // The star.
  const star = r * 0.32;
  const points: Array<[number, number]> = [];
  for (let k = 0; k < 10; k++) {
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    const radius = k % 2 === 0 ? star : star * 0.382;
    points.push([seal.cx + radius * Math.cos(angle), seal.cy + radius * Math.sin(angle)]);
  }
  doc.polygon(...points).fill(RED);
  // The name along the arc, from lower left over the top to lower right.
  const chars = [...seal.unitName];
  const radius = r * 0.7;
  const size = Math.min(r * 0.27, (Math.PI * 1.25 * radius) / Math.max(chars.length, 1) / 1.1);
  const arc = Math.min(Math.PI * 1.25, (chars.length * size * 1.1) / radius);
  doc.font('songti').fontSize(size).fillColor(RED);
  chars.forEach((ch, k) => {
    const angle = -Math.PI / 2 - arc / 2 + (chars.length === 1 ? arc / 2 : (k * arc) / (chars.length - 1));
    const x = seal.cx + radius * Math.cos(angle);
    const y = seal.cy + radius * Math.sin(angle);
    doc.save();
    doc.rotate(((angle + Math.PI / 2) * 180) / Math.PI, { origin: [x, y] });
    const w = doc.widthOfString(ch);
    doc.text(ch, x - w / 2, y - size / 2, { lineBreak: false });
    doc.restore();
  });
  doc.restore();
}
