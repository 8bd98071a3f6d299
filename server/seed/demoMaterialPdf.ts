// A small, real PDF for a demo meeting material: a title and numbered paragraphs in Chinese, set with the CJK font the
// PDF export uses (fontconfig's choice for zh-cn, or TONGBAN_PDF_FONT). Without such a font the page says so in
// English rather than printing empty boxes.
import PDFDocument from 'pdfkit';
import { findCjkFont } from '../export/cjkFont.ts';

export function materialPdf(
  title: string,
  paragraphs: readonly string[],
  at: Date,
  configuredFont: string | null,
): Promise<Buffer> {
  const font = findCjkFont(configuredFont);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    info: { Title: title, Creator: '同办 Tongban（演示数据）', CreationDate: at },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (font) {
    doc.registerFont('cjk', font.file, font.postscriptName);
    doc.font('cjk');
    doc.fontSize(20).fillColor('#b71c1c').text(title, { align: 'center' });
    doc
      .moveDown(0.5)
      .lineWidth(1.5)
      .strokeColor('#b71c1c')
      .moveTo(72, doc.y)
      .lineTo(doc.page.width - 72, doc.y)
      .stroke();
    doc.moveDown(1).fillColor('#000').fontSize(13);
    for (const p of paragraphs) doc.text(p, { indent: 26, lineGap: 6, paragraphGap: 8, align: 'justify' });
  } else {
    doc.fontSize(16).text('Meeting material (demo)', { align: 'center' });
    doc
      .moveDown()
      .fontSize(11)
      .text(
        'No font with Chinese glyphs was found on this machine; install fonts-wqy-microhei or set TONGBAN_PDF_FONT.',
      );
  }
  doc.end();
  return done;
}
