// PDF export with pdfkit: an A4 page in the official-document style, tracked changes shown in colour (or applied),
// comments as numbered notes in the right margin beside the paragraph they anchor to.
import PDFDocument from 'pdfkit';
import { decisionFieldsLine, type Block, type Run } from './documentModel.ts';
import type { ExportThread } from './docxExport.ts';
import type { FontChoice } from './cjkFont.ts';

export interface PdfInput {
  title: string;
  classificationLabel: string;
  blocks: Block[];
  threads: ExportThread[];
  includeComments: boolean;
  authorName: (userId: string | null) => string;
  font: FontChoice;
  footer: string;
  /** 'minutes': the 纪要 layout, a red title over a red rule; 'document' (default): the plain official style. */
  layout?: 'document' | 'minutes';
  /** Lines set in a box after the body (the signature block of closed minutes). */
  closing?: string[];
}

const AUTHOR_COLOURS = ['#1677ff', '#d4380d', '#389e0d', '#722ed1', '#c41d7f', '#08979c'];

export function renderPdf(input: PdfInput): Promise<Buffer> {
  const margin = 56;
  const noteWidth = input.includeComments ? 130 : 0;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: margin, right: margin + noteWidth },
    info: { Title: input.title, Creator: '同办 Tongban' },
    bufferPages: true,
  });
  doc.registerFont('cjk', input.font.file, input.font.postscriptName);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const colours = new Map<string, string>();
  const colourOf = (authorId: string | null) => {
    const key = authorId ?? '?';
    if (!colours.has(key)) colours.set(key, AUTHOR_COLOURS[colours.size % AUTHOR_COLOURS.length]!);
    return colours.get(key)!;
  };
  const noteNumbers = new Map(input.threads.map((t, i) => [t.id, i + 1] as const));
  const threads = new Map(input.threads.map((t) => [t.id, t] as const));
  const textWidth = doc.page.width - margin * 2 - noteWidth;

  doc.fontSize(10).fillColor('#a8071a').text(input.classificationLabel, { align: 'right' });
  if (input.layout === 'minutes') {
    doc.moveDown(0.5).fontSize(24).fillColor('#c00000').text(input.title, { align: 'center' }).moveDown(0.4);
    const y = doc.y;
    doc
      .moveTo(margin, y)
      .lineTo(margin + textWidth, y)
      .lineWidth(1.5)
      .strokeColor('#c00000')
      .stroke()
      .lineWidth(1);
    doc.fillColor('#000').moveDown(1);
  } else {
    doc.moveDown(0.5).fontSize(20).fillColor('#000').text(input.title, { align: 'center' }).moveDown(1);
  }

  const writeRuns = (runs: Run[], size: number, indent: number) => {
    const noted = new Set<string>();
    const top = doc.y;
    doc.fontSize(size);
    if (runs.length === 0) doc.text(' ', { indent });
    runs.forEach((run, i) => {
      const change = run.change;
      doc.fillColor(change ? colourOf(change.authorId) : '#000');
      const markers = input.includeComments ? run.threadIds.filter((id) => noteNumbers.has(id) && !noted.has(id)) : [];
      markers.forEach((id) => noted.add(id));
      const suffix = markers.map((id) => `[${noteNumbers.get(id)}]`).join('');
      doc.text(run.text + suffix, {
        continued: i < runs.length - 1,
        width: textWidth,
        indent: i === 0 ? indent : 0,
        lineGap: 6,
        underline: change?.kind === 'insertion' || Boolean(run.underline || run.link),
        strike: change?.kind === 'deletion' || Boolean(run.strike),
        ...(run.link ? { link: run.link } : {}),
      });
    });
    if (input.includeComments && noted.size > 0) {
      const bottom = doc.y;
      let y = top;
      doc.fontSize(8).fillColor('#595959');
      for (const id of noted) {
        const t = threads.get(id);
        if (!t) continue;
        const body = t.comments.map((c) => `${c.authorName}：${c.body}`).join('\n');
        doc.text(`[${noteNumbers.get(id)}] ${body}`, doc.page.width - margin - noteWidth + 12, y, {
          width: noteWidth - 12,
        });
        y = doc.y + 4;
      }
      doc.x = margin;
      doc.y = Math.max(bottom, y);
    }
    doc.fillColor('#000');
  };

  const cellText = (blocks: Block[]) =>
    blocks.map((x) => ('runs' in x ? x.runs.map((r) => r.text).join('') : '')).join('\n');
  /** A ruled grid; a first column of header cells (a form like the minutes' header) is kept narrow. */
  const drawTable = (rows: Array<Array<{ header: boolean; blocks: Block[] }>>) => {
    const columns = Math.max(1, ...rows.map((r) => r.length));
    const labelColumn = columns > 1 && rows.every((r) => r[0]?.header);
    const widths = Array.from({ length: columns }, (_, i) =>
      labelColumn ? (i === 0 ? 84 : (textWidth - 84) / (columns - 1)) : textWidth / columns,
    );
    const pad = 5;
    doc.fontSize(12).lineWidth(0.7).strokeColor('#595959');
    for (const row of rows) {
      const texts = widths.map((_, i) => cellText(row[i]?.blocks ?? []));
      const height =
        Math.max(...texts.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - pad * 2 }))) + pad * 2;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      let x = margin;
      texts.forEach((t, i) => {
        doc.rect(x, top, widths[i]!, height).stroke();
        doc
          .fillColor(row[i]?.header ? '#262626' : '#000')
          .text(t, x + pad, top + pad, { width: widths[i]! - pad * 2, align: row[i]?.header ? 'center' : 'left' });
        x += widths[i]!;
      });
      doc.x = margin;
      doc.y = top + height;
    }
    doc.fillColor('#000').lineWidth(1).moveDown(0.8);
  };

  const render = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.kind) {
        case 'heading':
          writeRuns(b.runs, Math.max(12, 20 - b.level * 2), 0);
          doc.moveDown(0.3);
          break;
        case 'paragraph': {
          const prefix = b.list ? `${'    '.repeat(b.list.depth)}${b.list.ordered ? `${b.list.index}.` : '•'} ` : '';
          writeRuns(prefix ? [{ text: prefix, threadIds: [] }, ...b.runs] : b.runs, 14, b.list ? 0 : 28);
          break;
        }
        case 'decision':
          writeRuns(b.number === null ? b.runs : [{ text: `${b.number}. `, threadIds: [] }, ...b.runs], 14, 0);
          doc
            .fontSize(11)
            .fillColor('#434343')
            .text(decisionFieldsLine(b.fields), { width: textWidth, indent: 28, lineGap: 4 })
            .fillColor('#000')
            .moveDown(0.3);
          break;
        case 'code':
          doc.fontSize(10).fillColor('#262626').text(b.text, { width: textWidth });
          break;
        case 'rule':
          doc
            .moveTo(margin, doc.y)
            .lineTo(margin + textWidth, doc.y)
            .strokeColor('#bfbfbf')
            .stroke()
            .moveDown(0.5);
          break;
        case 'image':
          doc
            .fontSize(10)
            .fillColor('#8c8c8c')
            .text(`[${b.alt || '图片'}]`);
          break;
        case 'table':
          drawTable(b.rows);
          break;
      }
    }
  };
  render(input.blocks);

  if (input.closing?.length) {
    doc.moveDown(1.5).fontSize(9).fillColor('#262626');
    const top = doc.y;
    doc.text(input.closing.join('\n'), margin + 8, top + 8, { width: textWidth - 16, lineGap: 3 });
    doc
      .rect(margin, top, textWidth, doc.y - top + 8)
      .lineWidth(0.7)
      .strokeColor('#8c8c8c')
      .stroke();
    doc.x = margin;
    doc.y += 10;
    doc.fillColor('#000');
  }
  const legend = [...colours.keys()].filter((k) => k !== '?');
  if (legend.length > 0) {
    doc.moveDown(1).fontSize(9).fillColor('#595959').text('修改痕迹：', { continued: true });
    legend.forEach((id, i) =>
      doc
        .fillColor(colours.get(id)!)
        .text(`${input.authorName(id)}${i < legend.length - 1 ? '  ' : ''}`, { continued: i < legend.length - 1 }),
    );
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#8c8c8c')
      .text(`${input.footer}  第 ${i + 1} / ${range.count} 页`, margin, doc.page.height - 50, {
        width: doc.page.width - margin * 2,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
