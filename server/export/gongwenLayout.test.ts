// GB/T 9704-2012 layout rules on a measured-by-rule font (CJK one em, Latin half an em): the grid of 22 lines × 28
// characters, where each element of the 版头, 主体 and 版记 sits, line breaking, and page flow.
import { describe, expect, it } from 'vitest';
import {
  BODY_CHAR,
  breakLines,
  layoutGongwen,
  LINES_PER_PAGE,
  MM,
  PITCH,
  TYPE_AREA,
  type GongwenContent,
  type Measure,
  type PlacedText,
} from './gongwenLayout.ts';
import { para } from '../../tests/support/gongwenSample.ts';

const measure: Measure = (text, _face, size) =>
  [...text].reduce((w, ch) => w + (/[\u0020-\u007e]/.test(ch) ? size / 2 : size), 0);

const base: GongwenContent = {
  copyNumber: null,
  secrecy: null,
  urgency: null,
  issuerMark: '某某市人民政府文件',
  documentNumber: '某政发〔2026〕12号',
  signers: null,
  title: '关于做好冬季安全生产工作的通知',
  mainRecipients: '各区人民政府，市政府各部门',
  blocks: [para('为做好冬季安全生产工作，现将有关事项通知如下。')],
  attachments: [],
  issuerSignature: '某某市人民政府',
  date: '2026年12月4日',
  sealed: { unitName: '某某市人民政府' },
  note: null,
  copyTo: ['市委各部门', '市人大常委会办公室'],
  printedBy: '某某市人民政府办公室',
  printedDate: '2026年12月4日',
};

const texts = (pages: ReturnType<typeof layoutGongwen>, role: string) =>
  pages.flatMap((p, page) =>
    p.items.filter((i): i is PlacedText => i.kind === 'text' && i.role === role).map((i) => ({ ...i, page })),
  );
/** The grid line a baseline sits on. */
const lineOf = (t: PlacedText) => Math.floor((t.y - TYPE_AREA.top) / PITCH);
const right = TYPE_AREA.left + TYPE_AREA.width;
const widthOf = (t: PlacedText) => measure(t.text, t.face, t.size) + t.characterSpacing * [...t.text].length;

describe('the line grid', () => {
  it('sets 28 characters on a line and indents a paragraph by two', () => {
    const lines = breakLines(
      [{ text: '字'.repeat(60), face: 'fangsong' }],
      16,
      TYPE_AREA.width,
      2 * BODY_CHAR,
      measure,
      BODY_CHAR,
    );
    expect(lines.map((l) => l.glyphs)).toEqual([26, 28, 6]);
    expect(lines[1]!.last).toBe(false);
    expect(lines[2]!.last).toBe(true);
  });

  it('never opens a line with closing punctuation nor closes one with an opening mark', () => {
    const text = '字'.repeat(26) + '，' + '字'.repeat(26) + '（字' + '字'.repeat(10);
    const lines = breakLines([{ text, face: 'fangsong' }], 16, TYPE_AREA.width, 0, measure, BODY_CHAR);
    for (const l of lines.slice(1)) expect('，。、）'.includes(l.pieces[0]!.text[0]!)).toBe(false);
    for (const l of lines.slice(0, -1)) expect(l.pieces.at(-1)!.text.endsWith('（')).toBe(false);
  });

  it('keeps a number or Latin word whole', () => {
    const text = '字'.repeat(27) + '2027年';
    const lines = breakLines([{ text, face: 'fangsong' }], 16, TYPE_AREA.width, 0, measure, BODY_CHAR);
    expect(lines[1]!.pieces[0]!.text.startsWith('2027')).toBe(true);
  });

  it('puts 22 lines on a page, each on the grid, and flows the rest over', () => {
    const blocks = Array.from({ length: 60 }, (_, i) => para(`第${i + 1}段，${'字'.repeat(20)}`));
    const pages = layoutGongwen({ ...base, blocks }, measure);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const second = texts(pages, 'body').filter((t) => t.page === 1);
    expect(new Set(second.map(lineOf)).size).toBe(LINES_PER_PAGE);
    for (const t of second) {
      const offset = (t.y - TYPE_AREA.top) % PITCH;
      expect(Math.abs(offset - (PITCH / 2 + 16 * 0.36))).toBeLessThan(0.01);
    }
  });

  it('justifies full lines to the type area width exactly', () => {
    const pages = layoutGongwen(
      { ...base, blocks: [para('字'.repeat(26) + 'Tongban系统' + '字'.repeat(40))] },
      measure,
    );
    const byLine = new Map<number, PlacedText[]>();
    for (const t of texts(pages, 'body')) byLine.set(lineOf(t), [...(byLine.get(lineOf(t)) ?? []), t]);
    const [firstLine] = [...byLine.values()];
    const last = firstLine!.at(-1)!;
    expect(last.x + widthOf(last)).toBeCloseTo(right, 1);
  });
});

describe('版头', () => {
  it('sets 份号, 密级 and 紧急程度 top left, the red mark 35 mm down, the number two lines below, the red rule 4 mm under it', () => {
    const pages = layoutGongwen({ ...base, copyNumber: '000123', secrecy: '秘密★1年', urgency: '特急' }, measure);
    const [copy] = texts(pages, 'copyNumber');
    const [secrecy] = texts(pages, 'secrecy');
    const [urgency] = texts(pages, 'urgency');
    expect([lineOf(copy!), lineOf(secrecy!), lineOf(urgency!)]).toEqual([0, 1, 2]);
    expect(copy!.x).toBe(TYPE_AREA.left);
    expect(secrecy!.face).toBe('heiti');
    const [mark] = texts(pages, 'issuerMark');
    expect(mark!.colour).toBe('#e60012');
    expect(mark!.face).toBe('xiaobiaosong');
    const markTop = mark!.y - mark!.size * 0.88;
    expect((markTop - TYPE_AREA.top) / MM).toBeCloseTo(35, 1);
    const [number] = texts(pages, 'documentNumber');
    expect(number!.x + widthOf(number!) / 2).toBeCloseTo(TYPE_AREA.left + TYPE_AREA.width / 2, 0);
    const rule = pages[0]!.items.find((i) => i.kind === 'rule' && i.role === 'redRule');
    expect(rule).toMatchObject({ colour: '#e60012', width: TYPE_AREA.width, x: TYPE_AREA.left });
    expect(((rule as { y: number }).y - (number!.y + 16 * 0.12)) / MM).toBeCloseTo(4, 1);
    const [title] = texts(pages, 'title');
    expect(lineOf(title!)).toBe(Math.ceil(((rule as { y: number }).y - TYPE_AREA.top) / PITCH) + 2);
    expect(title!.size).toBe(22);
    const [recipients] = texts(pages, 'mainRecipients');
    expect(lineOf(recipients!)).toBe(lineOf(title!) + 2);
    expect(recipients!.x).toBe(TYPE_AREA.left);
    expect(recipients!.text.endsWith('：')).toBe(true);
  });

  it('a 上行文 has its mark 80 mm down, the number on the left and 签发人 on the right in 楷体', () => {
    const pages = layoutGongwen({ ...base, signers: ['王明', '李强'] }, measure);
    const [mark] = texts(pages, 'issuerMark');
    expect((mark!.y - mark!.size * 0.88 - TYPE_AREA.top) / MM).toBeCloseTo(80, 1);
    const [number] = texts(pages, 'documentNumber');
    const [signers] = texts(pages, 'signers');
    expect(number!.x).toBeCloseTo(TYPE_AREA.left + BODY_CHAR, 5);
    expect(signers!.face).toBe('kaiti');
    expect(signers!.x + widthOf(signers!)).toBeCloseTo(right - BODY_CHAR, 5);
    expect(lineOf(signers!)).toBe(lineOf(number!));
  });

  it('breaks a long title into balanced lines without splitting a number', () => {
    const pages = layoutGongwen(
      { ...base, title: '某某市人民政府办公室关于做好2027年元旦春节期间安全生产和应急值守工作的通知' },
      measure,
    );
    const lines = texts(pages, 'title').map((t) => t.text);
    expect(lines.length).toBe(3);
    expect(lines.join('')).toContain('2027');
    const lengths = lines.map((l) => [...l].length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(3);
  });
});

describe('主体 and signature', () => {
  it('sets first-level headings in 黑体 and second-level in 楷体 up to their first full stop', () => {
    const pages = layoutGongwen(
      { ...base, blocks: [para('一、提高认识。各单位要高度重视。'), para('（一）压实责任。'), para('正文。')] },
      measure,
    );
    const body = texts(pages, 'body');
    expect(body.find((t) => t.text.startsWith('一、'))).toMatchObject({ face: 'heiti', text: '一、提高认识。' });
    expect(body.find((t) => t.text.startsWith('各单位'))).toMatchObject({ face: 'fangsong' });
    expect(body.find((t) => t.text.startsWith('（一）'))).toMatchObject({ face: 'kaiti' });
  });

  it('sealed: the date four characters in from the right, the signature centred over it, the seal on both', () => {
    const pages = layoutGongwen(base, measure);
    const [date] = texts(pages, 'date');
    const [sig] = texts(pages, 'issuerSignature');
    expect(date!.x + widthOf(date!)).toBeCloseTo(right - 4 * BODY_CHAR, 5);
    expect(sig!.x + widthOf(sig!) / 2).toBeCloseTo(date!.x + widthOf(date!) / 2, 5);
    expect(lineOf(date!)).toBe(lineOf(sig!) + 1);
    const seal = pages.at(-1)!.items.find((i) => i.kind === 'seal')!;
    expect(seal).toMatchObject({ kind: 'seal', unitName: '某某市人民政府' });
    if (seal.kind !== 'seal') throw new Error('no seal');
    expect(seal.cx).toBeCloseTo(date!.x + widthOf(date!) / 2, 5);
    // Both lines in the seal's lower half…
    expect(sig!.y).toBeGreaterThan(seal.cy);
    expect(date!.y).toBeLessThan(seal.cy + seal.diameter / 2);
    // …and its top within one line of the text above.
    const lastBody = Math.max(...texts(pages, 'body').map((t) => t.y));
    const textBottom = TYPE_AREA.top + (lineOf({ y: lastBody } as PlacedText) + 1) * PITCH;
    expect(seal.cy - seal.diameter / 2).toBeGreaterThanOrEqual(textBottom);
    expect(seal.cy - seal.diameter / 2 - textBottom).toBeLessThanOrEqual(PITCH);
  });

  it('unsealed: the signature two characters in from the right one line below, the date two characters further right', () => {
    const pages = layoutGongwen({ ...base, sealed: null, issuerSignature: '某某市人民政府办公室' }, measure);
    const [date] = texts(pages, 'date');
    const [sig] = texts(pages, 'issuerSignature');
    expect(sig!.x + widthOf(sig!)).toBeCloseTo(right - 2 * BODY_CHAR, 5);
    expect(date!.x).toBeCloseTo(sig!.x + 2 * BODY_CHAR, 5);
    expect(pages.flatMap((p) => p.items).some((i) => i.kind === 'seal')).toBe(false);
  });

  it('never leaves the signature alone on a page: the last line of text goes with it', () => {
    // Fill the first page's body area exactly to its last line.
    for (let n = 20; n < 40; n++) {
      const pages = layoutGongwen(
        {
          ...base,
          copyTo: [],
          printedBy: null,
          printedDate: null,
          blocks: Array.from({ length: n }, () => para('字'.repeat(20))),
        },
        measure,
      );
      const [date] = texts(pages, 'date');
      expect(texts(pages, 'body').some((t) => t.page === date!.page)).toBe(true);
    }
  });

  it('sets 附件说明 one line below the text, numbered, and 附注 in parentheses under the date', () => {
    const pages = layoutGongwen({ ...base, attachments: ['检查清单', '值班表'], note: '联系人：王明' }, measure);
    const attachments = texts(pages, 'attachments');
    expect(attachments.map((t) => t.text).join('')).toBe('附件：1.检查清单2.值班表');
    expect(attachments[0]!.x).toBeCloseTo(TYPE_AREA.left + 2 * BODY_CHAR, 5);
    const [note] = texts(pages, 'note');
    const [date] = texts(pages, 'date');
    expect(note!.text).toBe('（联系人：王明）');
    expect(lineOf(note!)).toBe(lineOf(date!) + 1);
  });
});

describe('版记 and page numbers', () => {
  it('puts 抄送 and 印发 at the foot of the last page between a thick, a thin and a thick rule', () => {
    const pages = layoutGongwen(base, measure);
    const last = pages.at(-1)!;
    const [printedDate] = texts(pages, 'printedDate');
    expect(printedDate!.page).toBe(pages.length - 1);
    expect(lineOf(printedDate!)).toBe(LINES_PER_PAGE - 1);
    expect(printedDate!.text).toBe('2026年12月4日印发');
    expect(printedDate!.x + measure(printedDate!.text, 'fangsong', 14)).toBeCloseTo(right - 14, 5);
    const [copyTo] = texts(pages, 'copyTo');
    expect(copyTo!.text).toBe('抄送：市委各部门，市人大常委会办公室。');
    expect(copyTo!.size).toBe(14);
    const rules = last.items.filter((i) => i.kind === 'rule' && i.role.startsWith('recordal'));
    expect(rules.map((r) => r.kind === 'rule' && r.role)).toEqual(['recordalTop', 'recordalMiddle', 'recordalBottom']);
    const [top, middle, bottom] = rules as Array<{ thickness: number; y: number }>;
    expect(top!.thickness).toBeGreaterThan(middle!.thickness);
    expect(bottom!.y).toBeCloseTo(TYPE_AREA.top + TYPE_AREA.height, 5);
  });

  it('numbers pages "— n —", odd on the right and even on the left, one character in, 7 mm below the type area', () => {
    const blocks = Array.from({ length: 40 }, () => para('字'.repeat(40)));
    const pages = layoutGongwen({ ...base, blocks }, measure);
    const numbers = texts(pages, 'pageNumber');
    expect(numbers.map((n) => n.text)).toEqual(pages.map((_, i) => `— ${i + 1} —`));
    expect(numbers[0]!.x + measure(numbers[0]!.text, 'songti', 14)).toBeCloseTo(right - 14, 5);
    expect(numbers[1]!.x).toBeCloseTo(TYPE_AREA.left + 14, 5);
    expect((numbers[0]!.y - 14 * 0.88 - (TYPE_AREA.top + TYPE_AREA.height)) / MM).toBeCloseTo(7, 5);
  });
});
