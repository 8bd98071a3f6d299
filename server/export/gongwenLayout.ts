// The layout of a 公文 per GB/T 9704-2012 《党政机关公文格式》, as positioned pieces on A4 pages. Pure: fonts come in as a
// measuring function, so the rules (the line grid, where each element sits, line breaking) are tested without a PDF.
//
// The page: A4, 版心 156 × 225 mm, 天头 37 mm, 订口 28 mm; the body in 3号仿宋 (16 pt), 22 lines of 28 characters.
// 版头: 份号, 密级和保密期限, 紧急程度 at the top left; the red 发文机关标志 35 mm below the 版心's top edge (80 mm for a
// 上行文); the 发文字号 two lines below it (上行文: left, with 签发人 on the right); a red rule 4 mm below the number.
// 主体: the title in 2号小标宋 two lines below the rule; 主送机关 one line below the title; the body (first-level
// headings 一、 in 黑体, second-level （一） in 楷体); 附件说明 one line below; the 发文机关署名 and 成文日期 (right, four
// characters in when sealed; the seal presses on both, its top within a line of the text above); 附注 below the date.
// 版记 at the bottom of the last page: 抄送机关 and 印发机关和印发日期 in 4号仿宋 between ruled lines. Page numbers in
// 4号宋体 "— 1 —", 7 mm below the 版心, odd pages on the right and even pages on the left, one character in.
import type { Block, Run } from './documentModel.ts';
import type { GongwenFace } from './gongwenFonts.ts';

export const MM = 72 / 25.4;
export const PAGE = { width: 210 * MM, height: 297 * MM };
export const TYPE_AREA = { left: 28 * MM, top: 37 * MM, width: 156 * MM, height: 225 * MM };
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const PITCH = TYPE_AREA.height / LINES_PER_PAGE;
export const SIZES = { title: 22, body: 16, recordal: 14, pageNumber: 14, issuerMark: 42 } as const;
/** The advance of one body character: 28 of them fill the 版心's width exactly. */
export const BODY_CHAR = TYPE_AREA.width / CHARS_PER_LINE;
export const RED = '#e60012';
export const SEAL_DIAMETER = 42 * MM;

export interface GongwenContent {
  /** 份号: six digits, for classified documents. */
  copyNumber: string | null;
  /** 密级和保密期限 as printed, e.g. "秘密★1年". */
  secrecy: string | null;
  urgency: '特急' | '加急' | null;
  /** 发文机关标志, e.g. "某某市人民政府文件"; null for a document without a 版头. */
  issuerMark: string | null;
  /** 发文字号, e.g. "某政发〔2026〕12号". */
  documentNumber: string | null;
  /** 签发人 of a 上行文 (请示, 报告); null or empty for other documents. */
  signers: string[] | null;
  title: string;
  /** 主送机关 without the closing colon. */
  mainRecipients: string | null;
  blocks: Block[];
  /** 附件说明: the attachments' names, in order. */
  attachments: string[];
  /** 发文机关署名. */
  issuerSignature: string | null;
  /** 成文日期 as printed: Arabic numerals, no padding ("2026年12月4日"). */
  date: string;
  /** Whether the document is sealed: the seal is drawn over the signature and date. */
  sealed: { unitName: string } | null;
  /** 附注, without its parentheses. */
  note: string | null;
  /** 抄送机关. */
  copyTo: string[];
  /** 印发机关 and 印发日期 ("2026年12月4日"). */
  printedBy: string | null;
  printedDate: string | null;
}

/** A run of text set on one line: its left edge, the top of its line box, its face, size and spacing. */
export interface PlacedText {
  kind: 'text';
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  face: GongwenFace;
  size: number;
  colour: string;
  characterSpacing: number;
  horizontalScaling?: number;
  /** What the text is, for tests and for finding it again (e.g. 'date', 'documentNumber'). */
  role: string;
}
export interface PlacedRule {
  kind: 'rule';
  x: number;
  y: number;
  width: number;
  thickness: number;
  colour: string;
  role: string;
}
export interface PlacedSeal {
  kind: 'seal';
  cx: number;
  cy: number;
  diameter: number;
  unitName: string;
}
export type Placed = PlacedText | PlacedRule | PlacedSeal;
export interface LaidOutPage {
  items: Placed[];
}

/** Width of a text in a face and size, without extra spacing (from the font's metrics). */
export type Measure = (text: string, face: GongwenFace, size: number) => number;

/** Characters that must not open a line (避头) and must not close one (避尾). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}');
const NO_LINE_END = new Set('（《「『【〔〈“‘([{');

interface Segment {
  text: string;
  face: GongwenFace;
}

/** Splits text into the units a line may break between: one CJK character, or a run of Latin letters and digits. */
function tokens(segments: Segment[]): Array<{ text: string; face: GongwenFace }> {
  const out: Array<{ text: string; face: GongwenFace }> = [];
  for (const seg of segments) {
    for (const m of seg.text.matchAll(/[A-Za-z0-9][A-Za-z0-9.,:%/@_+-]*|\s+|[\s\S]/gu)) {
      out.push({ text: m[0].replace(/\s+/g, ' '), face: seg.face });
    }
  }
  return out;
}

export interface LineOfText {
  pieces: Array<{ text: string; face: GongwenFace; width: number }>;
  /** Natural width without spacing adjustment. */
  width: number;
  /** Number of glyphs (for distributing spacing). */
  glyphs: number;
  indent: number;
  last: boolean;
}

/**
 * Breaks a paragraph into lines of a width: greedy, never inside a Latin word, never starting a line with closing
 * punctuation nor ending one with opening punctuation (the line is then squeezed or stretched a little instead).
 */
export function breakLines(
  segments: Segment[],
  size: number,
  width: number,
  firstIndent: number,
  measure: Measure,
  advance: number,
): LineOfText[] {
  const toks = tokens(segments).map((t) => ({
    ...t,
    width: [...t.text].length > 1 ? measure(t.text, t.face, size) : Math.max(measure(t.text, t.face, size), 0),
  }));
  // CJK glyphs advance on the grid (`advance`), Latin at their natural width plus the same spacing per glyph.
  const spacing = advance - size;
  const tokenWidth = (t: { text: string; width: number }) => t.width + spacing * [...t.text].length;
  const lines: LineOfText[] = [];
  let i = 0;
  let first = true;
  while (i < toks.length) {
    const indent = first ? firstIndent : 0;
    let used = indent;
    let j = i;
    while (j < toks.length && used + tokenWidth(toks[j]!) <= width + 0.01) ((used += tokenWidth(toks[j]!)), j++);
    if (j === i) j = i + 1; // a single token wider than the line goes alone
    if (j < toks.length) {
      // 避头: pull a closing mark up onto this line (squeezed); if two or more, push a character down instead.
      if (NO_LINE_START.has(toks[j]!.text) && !(j + 1 < toks.length && NO_LINE_START.has(toks[j + 1]!.text))) j++;
      else while (j - i > 1 && NO_LINE_START.has(toks[j]!.text)) j--;
      // 避尾: an opening mark goes down with what it opens.
      while (j - i > 1 && NO_LINE_END.has(toks[j - 1]!.text)) j--;
    }
    const slice = toks.slice(i, j);
    // Spaces at a line's end are dropped.
    while (slice.length > 1 && slice.at(-1)!.text === ' ') slice.pop();
    const pieces: LineOfText['pieces'] = [];
    for (const t of slice) {
      const prev = pieces.at(-1);
      if (prev && prev.face === t.face) {
        prev.text += t.text;
        prev.width += t.width;
      } else pieces.push({ text: t.text, face: t.face, width: t.width });
    }
    lines.push({
      pieces,
      width: slice.reduce((s, t) => s + t.width, 0),
      glyphs: slice.reduce((s, t) => s + [...t.text].length, 0),
      indent,
      last: j >= toks.length,
    });
    i = j;
    first = false;
  }
  return lines;
}

const FIRST_LEVEL = /^[一二三四五六七八九十百]+、/u;
const SECOND_LEVEL = /^[（(][一二三四五六七八九十百]+[）)]/u;

function runText(runs: Run[]): string {
  return runs
    .filter((r) => r.change?.kind !== 'deletion')
    .map((r) => r.text)
    .join('');
}

/**
 * A body paragraph's segments: the heading of a 一、 paragraph in 黑体 and of a （一） paragraph in 楷体, up to and
 * including its first full stop (or the whole paragraph when it is a heading alone); everything else in 仿宋.
 */
export function bodySegments(text: string, heading: 1 | 2 | null = null): Segment[] {
  const face: GongwenFace | null =
    heading === 1 || FIRST_LEVEL.test(text) ? 'heiti' : heading === 2 || SECOND_LEVEL.test(text) ? 'kaiti' : null;
  if (!face) return [{ text, face: 'fangsong' }];
  if (heading) return [{ text, face }];
  const stop = text.indexOf('。');
  if (stop < 0 || stop === text.length - 1) return [{ text, face }];
  return [
    { text: text.slice(0, stop + 1), face },
    { text: text.slice(stop + 1), face: 'fangsong' },
  ];
}

/** The body's paragraphs as segments, in reading order. Tables are set row by row, cells separated by a space. */
export function bodyParagraphs(blocks: Block[]): Array<{ segments: Segment[]; indent: boolean }> {
  const out: Array<{ segments: Segment[]; indent: boolean }> = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push({
          segments: bodySegments(runText(b.runs), b.level <= 1 ? 1 : b.level === 2 ? 2 : null),
          indent: true,
        });
        break;
      case 'paragraph': {
        const text = runText(b.runs);
        const prefix = b.list ? (b.list.ordered ? `${b.list.index}.` : '') : '';
        out.push({ segments: bodySegments(prefix + text), indent: true });
        break;
      }
      case 'decision': {
        const prefix = b.number === null ? '' : `${b.number}.`;
        out.push({ segments: bodySegments(prefix + runText(b.runs)), indent: true });
        break;
      }
      case 'code':
        out.push({ segments: [{ text: b.text, face: 'fangsong' }], indent: false });
        break;
      case 'table':
        for (const row of b.rows)
          out.push({
            segments: [
              {
                text: row
                  .map((cell) =>
                    cell.blocks
                      .map((x) => ('runs' in x ? runText(x.runs) : ''))
                      .join(' ')
                      .trim(),
                  )
                  .join('　'),
                face: 'fangsong',
              },
            ],
            indent: false,
          });
        break;
      case 'rule':
      case 'image':
        break;
    }
  }
  return out.filter((p) => p.segments.some((s) => s.text.trim() !== ''));
}

/** Balanced lines for a title that does not fit on one: near-equal lengths, never splitting a Latin word or number. */
function titleLines(title: string, size: number, width: number, measure: Measure): string[] {
  const full = measure(title, 'xiaobiaosong', size);
  const usable = width - 2 * size;
  if (full <= usable) return [title];
  const count = Math.ceil(full / usable);
  const target = full / count;
  const toks = tokens([{ text: title, face: 'xiaobiaosong' }]).map((t) => ({
    text: t.text,
    width: measure(t.text, 'xiaobiaosong', size),
  }));
  const lines: string[] = [];
  let current = '';
  let used = 0;
  toks.forEach((t, k) => {
    const next = toks[k + 1];
    current += t.text;
    used += t.width;
    // Close the line once it reaches its share, unless the next unit may not open a line.
    if (lines.length < count - 1 && used >= target - size / 2 && next && !NO_LINE_START.has(next.text)) {
      lines.push(current);
      current = '';
      used = 0;
    }
  });
  if (current) lines.push(current);
  return lines;
}

/** The baseline of a line of the grid (0 … 21) for a text of a size: the em box centred in the line. */
export function baselineOf(line: number, size: number): number {
  return TYPE_AREA.top + line * PITCH + PITCH / 2 + size * 0.36;
}

/** The grid line a vertical position falls on or after. */
function lineAtOrAfter(y: number): number {
  return Math.ceil((y - TYPE_AREA.top) / PITCH - 1e-6);
}

type Row =
  | { kind: 'text'; line: LineOfText; size: number; colour: string; role: string; align: 'justify' | 'left' }
  | { kind: 'blank' };

/** Lays a 公文 out on pages. */
export function layoutGongwen(c: GongwenContent, measure: Measure): LaidOutPage[] {
  const pages: LaidOutPage[] = [{ items: [] }];
  const first = pages[0]!;
  const right = TYPE_AREA.left + TYPE_AREA.width;
  const text = (
    page: LaidOutPage,
    t: Omit<PlacedText, 'kind' | 'colour' | 'characterSpacing'> & { colour?: string; characterSpacing?: number },
  ) => page.items.push({ kind: 'text', colour: '#000', characterSpacing: 0, ...t });
  const bodySpacing = BODY_CHAR - SIZES.body;

  // ── 版头 ──
  let headLine = 0;
  for (const [value, face, role] of [
    [c.copyNumber, 'fangsong', 'copyNumber'],
    [c.secrecy, 'heiti', 'secrecy'],
    [c.urgency, 'heiti', 'urgency'],
  ] as const) {
    if (!value) continue;
    text(first, { text: value, x: TYPE_AREA.left, y: baselineOf(headLine, SIZES.body), face, size: SIZES.body, role });
    headLine++;
  }
  const upward = Boolean(c.signers?.length);
  let nextLine = headLine;
  if (c.issuerMark) {
    const markTop = TYPE_AREA.top + (upward ? 80 : 35) * MM;
    let size: number = SIZES.issuerMark;
    const natural = measure(c.issuerMark, 'xiaobiaosong', size);
    let scaling = Math.min(100, (TYPE_AREA.width / natural) * 100);
    if (scaling < 50) {
      size = (size * scaling) / 50;
      scaling = 50;
    }
    const width = (measure(c.issuerMark, 'xiaobiaosong', size) * scaling) / 100;
    const baseline = markTop + size * 0.88;
    text(first, {
      text: c.issuerMark,
      x: TYPE_AREA.left + (TYPE_AREA.width - width) / 2,
      y: baseline,
      face: 'xiaobiaosong',
      size,
      colour: RED,
      horizontalScaling: scaling,
      role: 'issuerMark',
    });
    // 发文字号: two empty lines below the mark.
    const numberLine = lineAtOrAfter(baseline + size * 0.12) + 2;
    const numberBaseline = baselineOf(numberLine, SIZES.body);
    if (upward) {
      if (c.documentNumber)
        text(first, {
          text: c.documentNumber,
          x: TYPE_AREA.left + BODY_CHAR,
          y: numberBaseline,
          face: 'fangsong',
          size: SIZES.body,
          role: 'documentNumber',
        });
      const names = c.signers!.join('　');
      const namesWidth = measure(names, 'kaiti', SIZES.body);
      const labelWidth = measure('签发人：', 'fangsong', SIZES.body);
      const start = right - BODY_CHAR - namesWidth - labelWidth;
      text(first, {
        text: '签发人：',
        x: start,
        y: numberBaseline,
        face: 'fangsong',
        size: SIZES.body,
        role: 'signerLabel',
      });
      text(first, {
        text: names,
        x: start + labelWidth,
        y: numberBaseline,
        face: 'kaiti',
        size: SIZES.body,
        role: 'signers',
      });
    } else if (c.documentNumber) {
      const w = measure(c.documentNumber, 'fangsong', SIZES.body);
      text(first, {
        text: c.documentNumber,
        x: TYPE_AREA.left + (TYPE_AREA.width - w) / 2,
        y: numberBaseline,
        face: 'fangsong',
        size: SIZES.body,
        role: 'documentNumber',
      });
    }
    // The red rule 4 mm below the number line's text.
    const ruleY = numberBaseline + SIZES.body * 0.12 + 4 * MM;
    first.items.push({
      kind: 'rule',
      x: TYPE_AREA.left,
      y: ruleY,
      width: TYPE_AREA.width,
      thickness: 1.5,
      colour: RED,
      role: 'redRule',
    });
    nextLine = lineAtOrAfter(ruleY) + 2;
  } else if (headLine > 0) nextLine = headLine + 1;

  // ── 主体: rows on the grid, flowing over pages ──
  const rows: Row[] = [];
  const width = TYPE_AREA.width;
  const lineRow = (line: LineOfText, role: string, align: 'justify' | 'left' = 'justify'): Row => ({
    kind: 'text',
    line,
    size: SIZES.body,
    colour: '#000',
    role,
    align,
  });
  for (const p of bodyParagraphs(c.blocks)) {
    for (const line of breakLines(p.segments, SIZES.body, width, p.indent ? 2 * BODY_CHAR : 0, measure, BODY_CHAR))
      rows.push(lineRow(line, 'body'));
  }
  if (c.attachments.length > 0) {
    rows.push({ kind: 'blank' });
    const label = '附件：';
    const labelWidth = 2 * BODY_CHAR + 3 * BODY_CHAR;
    c.attachments.forEach((name, i) => {
      const numbered = c.attachments.length > 1 ? `${i + 1}.${name}` : name;
      const hang = c.attachments.length > 1 ? measure(`${i + 1}.`, 'fangsong', SIZES.body) + bodySpacing * 2 : 0;
      const lines = breakLines(
        [{ text: numbered, face: 'fangsong' }],
        SIZES.body,
        width - labelWidth,
        0,
        measure,
        BODY_CHAR,
      );
      lines.forEach((line, k) => {
        const indent = labelWidth + (k > 0 ? hang : 0);
        const prefix = i === 0 && k === 0 ? label : '';
        rows.push(
          lineRow(
            {
              ...line,
              indent: prefix ? 2 * BODY_CHAR : indent,
              pieces: prefix
                ? [{ text: prefix, face: 'fangsong', width: measure(prefix, 'fangsong', SIZES.body) }, ...line.pieces]
                : line.pieces,
              width: prefix ? line.width + measure(prefix, 'fangsong', SIZES.body) : line.width,
              glyphs: line.glyphs + [...prefix].length,
              last: true,
            },
            'attachments',
            'left',
          ),
        );
      });
    });
  }

  let page = first;
  let line = nextLine;
  const newPage = () => {
    page = { items: [] };
    pages.push(page);
    line = 0;
  };
  // Title (2号小标宋, centred) and 主送机关 (one line below the title, flush left).
  for (const t of titleLines(c.title, SIZES.title, width, measure)) {
    if (line >= LINES_PER_PAGE) newPage();
    const w = measure(t, 'xiaobiaosong', SIZES.title);
    text(page, {
      text: t,
      x: TYPE_AREA.left + (width - w) / 2,
      y: baselineOf(line, SIZES.title),
      face: 'xiaobiaosong',
      size: SIZES.title,
      role: 'title',
    });
    line++;
  }
  if (c.mainRecipients) {
    line++;
    for (const l of breakLines(
      [{ text: `${c.mainRecipients}：`, face: 'fangsong' }],
      SIZES.body,
      width,
      0,
      measure,
      BODY_CHAR,
    )) {
      if (line >= LINES_PER_PAGE) newPage();
      placeLine(page, l, line, 'mainRecipients', 'left');
      line++;
    }
  }

  function placeLine(target: LaidOutPage, l: LineOfText, at: number, role: string, align: 'justify' | 'left') {
    // Justified lines fill the width exactly; the last line of a paragraph keeps the grid spacing.
    const natural = l.width + bodySpacing * l.glyphs;
    const spacing =
      align === 'justify' && !l.last && l.glyphs > 1
        ? bodySpacing + (width - l.indent - natural) / l.glyphs
        : align === 'justify' && natural > width - l.indent
          ? bodySpacing + (width - l.indent - natural) / l.glyphs
          : bodySpacing;
    let x = TYPE_AREA.left + l.indent;
    for (const piece of l.pieces) {
      text(target, {
        text: piece.text,
        x,
        y: baselineOf(at, SIZES.body),
        face: piece.face,
        size: SIZES.body,
        characterSpacing: spacing,
        role,
      });
      x += piece.width + spacing * [...piece.text].length;
    }
  }

  // The signature block must share its page with at least one line of text (GB/T 9704 7.3.5: no page holding only
  // the signature); compute it first so the body can leave room.
  const signatureRows = c.sealed ? 3 : c.issuerSignature ? 2 : 1;
  const bodyRows = rows;
  for (let k = 0; k < bodyRows.length; k++) {
    const row = bodyRows[k]!;
    const isLastTextRow = k === bodyRows.length - 1;
    if (line >= LINES_PER_PAGE) newPage();
    // Keep the last body line with the signature block: if it would end the page, move it over.
    if (isLastTextRow && line + 1 + signatureRows + (c.note ? 1 : 0) > LINES_PER_PAGE && line > 0) newPage();
    if (row.kind === 'text') placeLine(page, row.line, line, row.role, row.align);
    line++;
  }

  // ── 发文机关署名, 成文日期, 印章 ──
  const dateWidth = measure(c.date, 'fangsong', SIZES.body) + bodySpacing * [...c.date].length;
  const sigText = c.issuerSignature ?? '';
  const sigWidth = measure(sigText, 'fangsong', SIZES.body) + bodySpacing * [...sigText].length;
  let dateLine: number;
  let dateX: number;
  let sigX: number;
  if (c.sealed) {
    // 成文日期 four characters in from the right; 署名 centred over it; the seal pressing on both.
    // Both lines sit in the seal's lower half; its top comes within one line of the text above (GB/T 9704 7.3.5.1).
    const sigLine = line + 2;
    dateLine = sigLine + (c.issuerSignature ? 1 : 0);
    dateX = right - 4 * BODY_CHAR - dateWidth;
    sigX = dateX + (dateWidth - sigWidth) / 2;
    if (c.issuerSignature) placeSimple(sigText, sigX, sigLine, 'issuerSignature');
    placeSimple(c.date, dateX, dateLine, 'date');
    const cy = TYPE_AREA.top + (sigLine + 0.35) * PITCH;
    page.items.push({
      kind: 'seal',
      cx: dateX + dateWidth / 2,
      cy,
      diameter: SEAL_DIAMETER,
      unitName: c.sealed.unitName,
    });
  } else {
    // Unsealed: 署名 two characters in from the right one line below the text; the date below, two characters further.
    const sigLine = line + 1;
    dateLine = c.issuerSignature ? sigLine + 1 : sigLine;
    sigX = right - 2 * BODY_CHAR - sigWidth;
    dateX = sigX + 2 * BODY_CHAR;
    if (dateX + dateWidth > right - 2 * BODY_CHAR) {
      dateX = right - 2 * BODY_CHAR - dateWidth;
      sigX = dateX - 2 * BODY_CHAR;
    }
    if (c.issuerSignature) placeSimple(sigText, sigX, sigLine, 'issuerSignature');
    placeSimple(c.date, dateX, dateLine, 'date');
  }
  line = dateLine + 1;
  if (c.note) {
    placeSimple(`（${c.note}）`, TYPE_AREA.left + 2 * BODY_CHAR, line, 'note');
    line++;
  }

  function placeSimple(value: string, x: number, at: number, role: string) {
    text(page, {
      text: value,
      x,
      y: baselineOf(at, SIZES.body),
      face: 'fangsong',
      size: SIZES.body,
      characterSpacing: bodySpacing,
      role,
    });
  }

  // ── 版记 at the foot of the last page ──
  const recordalChar = SIZES.recordal;
  const inner = TYPE_AREA.width - 2 * recordalChar;
  const copyLines = c.copyTo.length
    ? breakLines(
        [{ text: `抄送：${c.copyTo.join('，')}。`, face: 'fangsong' }],
        SIZES.recordal,
        inner,
        0,
        measure,
        SIZES.recordal,
      )
    : [];
  const printedRows = c.printedBy || c.printedDate ? 1 : 0;
  const recordalRows = copyLines.length + printedRows;
  if (recordalRows > 0) {
    if (line + 1 + recordalRows > LINES_PER_PAGE) newPage();
    const firstRow = LINES_PER_PAGE - recordalRows;
    const top = TYPE_AREA.top + firstRow * PITCH;
    page.items.push({
      kind: 'rule',
      x: TYPE_AREA.left,
      y: top,
      width: TYPE_AREA.width,
      thickness: 0.35 * MM,
      colour: '#000',
      role: 'recordalTop',
    });
    copyLines.forEach((l, k) => {
      const indent = k === 0 ? 0 : measure('抄送：', 'fangsong', SIZES.recordal);
      let x = TYPE_AREA.left + recordalChar + indent;
      for (const piece of l.pieces) {
        text(page, {
          text: piece.text,
          x,
          y: baselineOf(firstRow + k, SIZES.recordal),
          face: 'fangsong',
          size: SIZES.recordal,
          role: 'copyTo',
        });
        x += piece.width;
      }
    });
    if (printedRows) {
      const at = LINES_PER_PAGE - 1;
      if (copyLines.length)
        page.items.push({
          kind: 'rule',
          x: TYPE_AREA.left,
          y: TYPE_AREA.top + at * PITCH,
          width: TYPE_AREA.width,
          thickness: 0.25 * MM,
          colour: '#000',
          role: 'recordalMiddle',
        });
      if (c.printedBy)
        text(page, {
          text: c.printedBy,
          x: TYPE_AREA.left + recordalChar,
          y: baselineOf(at, SIZES.recordal),
          face: 'fangsong',
          size: SIZES.recordal,
          role: 'printedBy',
        });
      if (c.printedDate) {
        const label = `${c.printedDate}印发`;
        const w = measure(label, 'fangsong', SIZES.recordal);
        text(page, {
          text: label,
          x: right - recordalChar - w,
          y: baselineOf(at, SIZES.recordal),
          face: 'fangsong',
          size: SIZES.recordal,
          role: 'printedDate',
        });
      }
    }
    page.items.push({
      kind: 'rule',
      x: TYPE_AREA.left,
      y: TYPE_AREA.top + TYPE_AREA.height,
      width: TYPE_AREA.width,
      thickness: 0.35 * MM,
      colour: '#000',
      role: 'recordalBottom',
    });
  }

  // ── Page numbers ──
  pages.forEach((p, index) => {
    const label = `— ${index + 1} —`;
    const w = measure(label, 'songti', SIZES.pageNumber);
    const odd = index % 2 === 0;
    p.items.push({
      kind: 'text',
      text: label,
      x: odd ? right - SIZES.pageNumber - w : TYPE_AREA.left + SIZES.pageNumber,
      y: TYPE_AREA.top + TYPE_AREA.height + 7 * MM + SIZES.pageNumber * 0.88,
      face: 'songti',
      size: SIZES.pageNumber,
      colour: '#000',
      characterSpacing: 0,
      role: 'pageNumber',
    });
  });
  return pages;
}
