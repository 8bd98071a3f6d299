// The 公文 as an editable DOCX with the structure of the fixed PDF (GB/T 9704-2012): A4 with the same 版心 and line grid
// (22 lines × 28 characters), the red 发文机关标志 and rule, 发文字号 (and 签发人 for a 上行文), title, 主送机关, body with
// its heading fonts, 附件说明, 署名 and 成文日期, 附注, the 版记 between its rules, and page numbers "— 1 —" outside on
// odd and even pages. Word lays it out; font names are those offices install (Word substitutes when one is missing).
// The seal is not placed here: an electronic seal is a signature over the fixed PDF (documentSeal.ts).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type IRunOptions,
} from 'docx';
import { bodyParagraphs, type GongwenContent } from './gongwenLayout.ts';
import type { GongwenFace } from './gongwenFonts.ts';

/** twentieths of a point per millimetre */
const TWIP_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIP_PER_MM);
/** 225 mm / 22 lines, in twips. */
const LINE_PITCH = Math.round((225 * TWIP_PER_MM) / 22);
const RED = 'E60012';

const FONTS: Record<GongwenFace, { ascii: string; eastAsia: string; hAnsi: string }> = {
  xiaobiaosong: { ascii: 'FZXiaoBiaoSong-B05S', eastAsia: '方正小标宋简体', hAnsi: 'FZXiaoBiaoSong-B05S' },
  fangsong: { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' },
  heiti: { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' },
  kaiti: { ascii: 'Times New Roman', eastAsia: '楷体_GB2312', hAnsi: 'Times New Roman' },
  songti: { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' },
};

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
const SIZE = { title: 44, body: 32, recordal: 28 } as const;

const run = (text: string, face: GongwenFace, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: FONTS[face], size, ...extra });
const onGrid = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const blank = () => new Paragraph({ spacing: onGrid, children: [run('', 'fangsong', SIZE.body)] });
/** A body character's width in twips (16 pt). */
const CHAR = 320;
/** Width in twips of a line of 3号 text: CJK characters a full em, ASCII half. */
const widthOf = (text: string) => [...text].reduce((w, ch) => w + (/[\u0020-\u007e]/.test(ch) ? CHAR / 2 : CHAR), 0);

export async function renderGongwenDocx(c: GongwenContent & { author: string }): Promise<Buffer> {
  const children: Paragraph[] = [];
  const upward = Boolean(c.signers?.length);

  // ── 版头 ──
  if (c.copyNumber)
    children.push(new Paragraph({ spacing: onGrid, children: [run(c.copyNumber, 'fangsong', SIZE.body)] }));
  if (c.secrecy) children.push(new Paragraph({ spacing: onGrid, children: [run(c.secrecy, 'heiti', SIZE.body)] }));
  if (c.urgency) children.push(new Paragraph({ spacing: onGrid, children: [run(c.urgency, 'heiti', SIZE.body)] }));
  if (c.issuerMark) {
    const above = [c.copyNumber, c.secrecy, c.urgency].filter(Boolean).length;
    // The mark's top edge 35 mm (上行文 80 mm) below the 版心's top edge.
    const before = Math.max(0, twips(upward ? 80 : 35) - above * LINE_PITCH);
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before, after: 0, line: twips(22), lineRule: LineRuleType.EXACT },
        children: [run(c.issuerMark, 'xiaobiaosong', 84, { color: RED })],
      }),
    );
    children.push(blank(), blank());
    const rule = { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } };
    if (upward) {
      children.push(
        new Paragraph({
          spacing: onGrid,
          indent: { left: CHAR, right: CHAR },
          tabStops: [{ type: TabStopType.RIGHT, position: twips(156) - CHAR }],
          border: rule,
          children: [
            run(c.documentNumber ?? '', 'fangsong', SIZE.body),
            run('\t签发人：', 'fangsong', SIZE.body),
            run(c.signers!.join('　'), 'kaiti', SIZE.body),
          ],
        }),
      );
    } else {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: onGrid,
          border: rule,
          children: [run(c.documentNumber ?? '', 'fangsong', SIZE.body)],
        }),
      );
    }
    children.push(blank());
  }

  // ── 主体 ──
  children.push(blank());
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: onGrid,
      children: [run(c.title, 'xiaobiaosong', SIZE.title)],
    }),
  );
  if (c.mainRecipients) {
    children.push(blank());
    children.push(new Paragraph({ spacing: onGrid, children: [run(`${c.mainRecipients}：`, 'fangsong', SIZE.body)] }));
  }
  for (const p of bodyParagraphs(c.blocks))
    children.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: onGrid,
        indent: p.indent ? { firstLine: 2 * CHAR } : undefined,
        children: p.segments.map((s) => run(s.text, s.face, SIZE.body)),
      }),
    );
  if (c.attachments.length) {
    children.push(blank());
    c.attachments.forEach((name, i) => {
      const label = i === 0 ? '附件：' : '';
      const numbered = c.attachments.length > 1 ? `${i + 1}.${name}` : name;
      children.push(
        new Paragraph({
          spacing: onGrid,
          indent: { left: 5 * CHAR, hanging: i === 0 ? 3 * CHAR : 0 },
          children: [run(label + numbered, 'fangsong', SIZE.body)],
        }),
      );
    });
  }

  // ── 署名 and 成文日期 ── sealed: the date four characters in from the right, the signature centred over it;
  // unsealed: the signature two characters in, the date starting two characters further right (or, when longer than
  // the signature, two characters in, the signature moving left to keep the offset).
  children.push(blank(), ...(c.sealed ? [blank()] : []));
  const sigW = widthOf(c.issuerSignature ?? '');
  const dateW = widthOf(c.date);
  let dateIndent: number;
  let sigIndent: number;
  if (c.sealed) {
    dateIndent = 4 * CHAR;
    sigIndent = dateIndent + (dateW - sigW) / 2;
  } else {
    dateIndent = Math.max(2 * CHAR, sigW - dateW);
    sigIndent = dateIndent + dateW - sigW + 2 * CHAR;
  }
  if (c.issuerSignature)
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: onGrid,
        indent: { right: Math.round(sigIndent) },
        children: [run(c.issuerSignature, 'fangsong', SIZE.body)],
      }),
    );
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: onGrid,
      indent: { right: Math.round(dateIndent) },
      children: [run(c.date, 'fangsong', SIZE.body)],
    }),
  );
  if (c.note)
    children.push(
      new Paragraph({
        spacing: onGrid,
        indent: { firstLine: 2 * CHAR },
        children: [run(`（${c.note}）`, 'fangsong', SIZE.body)],
      }),
    );

  // ── 版记: 抄送 and 印发, between a thick rule, a thin one and a thick one ──
  if (c.copyTo.length || c.printedBy || c.printedDate) {
    children.push(blank());
    const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
    const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
    if (c.copyTo.length)
      children.push(
        new Paragraph({
          spacing: onGrid,
          indent: { left: 280, right: 280, hanging: 0 },
          border: { top: thick, bottom: thin },
          children: [run(`抄送：${c.copyTo.join('，')}。`, 'fangsong', SIZE.recordal)],
        }),
      );
    children.push(
      new Paragraph({
        spacing: onGrid,
        indent: { left: 280, right: 280 },
        tabStops: [{ type: TabStopType.RIGHT, position: twips(156) - 560 }],
        border: { ...(c.copyTo.length ? {} : { top: thick }), bottom: thick },
        children: [
          run(c.printedBy ?? '', 'fangsong', SIZE.recordal),
          run(c.printedDate ? `\t${c.printedDate}印发` : '', 'fangsong', SIZE.recordal),
        ],
      }),
    );
  }

  const pageNumber = (
    alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
    indent: { left?: number; right?: number },
  ) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent,
          children: [
            new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.songti, size: SIZE.recordal }),
          ],
        }),
      ],
    });

  const doc = new Document({
    creator: c.author,
    title: c.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FONTS.fangsong, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: {
              top: twips(37),
              bottom: twips(35),
              left: twips(28),
              right: twips(26),
              footer: twips(35) - twips(7) - 280,
            },
          },
          grid: { linePitch: LINE_PITCH, charSpace: 0 },
        },
        footers: {
          default: pageNumber(AlignmentType.RIGHT, { right: 280 }),
          even: pageNumber(AlignmentType.LEFT, { left: 280 }),
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
