// The format check a 公文 passes before it is submitted (GB/T 9704-2012 and 《党政机关公文处理工作条例》): the title, the
// 发文字号, 主送机关, 签发人, 份号, the heading levels 一、（一）1.（1）, the 附件说明 against the attached files, the
// 成文日期 in Arabic numerals, and formatting the layout sets itself. Each problem names where it is — a field, or a
// block of the 正文 by its index and an offset in its text — so the drafter can click to it. Pure; shared by the
// server (which refuses to submit with errors) and the client (which lists the problems beside the editor).
import { OFFICIAL_DOCUMENT_KINDS, type OfficialDocumentKind } from './catalogue.ts';

export type FormatField =
  'title' | 'documentNumber' | 'mainRecipients' | 'signers' | 'copyNumber' | 'date' | 'attachments';

export interface FormatProblem {
  code: string;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
  /** Where: a field of the record, or the index of a top-level block of the 正文 and the offset in its text. */
  at: { field: FormatField } | { block: number; offset: number };
}

export interface FormatCheckInput {
  kind: OfficialDocumentKind;
  title: string;
  documentNumber: string | null;
  mainRecipients: string | null;
  /** 0 公开, 1 内部, 2 秘密, 3 机密. */
  classification: number;
  copyNumber: string | null;
  signers: string[];
  /** 成文日期 as it will be printed, or null before sign-off. */
  date: string | null;
  /** 附件说明: the names listed under the body. */
  attachmentNote: string[];
  /** The attachments' names, in their order (附件1 first): the files attached to the record. */
  attachedFiles: string[];
  /** The 正文 as ProseMirror JSON (the collaborative document). */
  body: JsonNode;
}

export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: Array<{ type: string }>;
}

/** Kinds normally sent to the public at large, without a 主送机关. */
const WITHOUT_RECIPIENTS = new Set<OfficialDocumentKind>([
  'announcement',
  'public_notice',
  'communique',
  'order',
  'resolution',
  'minutes',
]);

const CN_DIGITS = '〇零一二三四五六七八九十百';
const CN_NUMBER = `[一二三四五六七八九十百]+`;
const LEVELS: Array<{ level: 1 | 2 | 3 | 4; pattern: RegExp; value: (m: RegExpExecArray) => number }> = [
  { level: 1, pattern: new RegExp(`^(${CN_NUMBER})、`, 'u'), value: (m) => chineseNumber(m[1]!) },
  { level: 2, pattern: new RegExp(`^（(${CN_NUMBER})）`, 'u'), value: (m) => chineseNumber(m[1]!) },
  { level: 3, pattern: /^([1-9]\d*)\.(?!\d)/u, value: (m) => Number(m[1]) },
  { level: 4, pattern: /^（([1-9]\d*)）/u, value: (m) => Number(m[1]) },
];
/** Numbering written in a form GB/T 9704 does not use, with the form it should take. */
const WRONG_FORMS: Array<{ pattern: RegExp; zh: string; en: string }> = [
  {
    pattern: new RegExp(`^${CN_NUMBER}[.．,，]`, 'u'),
    zh: '第一层序数应写作“一、”',
    en: 'First-level numbering is written "一、"',
  },
  {
    pattern: new RegExp(`^[(（]${CN_NUMBER}[)）][、.．]`, 'u'),
    zh: '“（一）”后不加顿号或点号',
    en: 'No mark after "（一）"',
  },
  {
    pattern: new RegExp(`^\\(${CN_NUMBER}\\)`, 'u'),
    zh: '第二层序数应使用全角括号“（一）”',
    en: 'Second-level numbering uses full-width brackets "（一）"',
  },
  { pattern: /^[1-9]\d*[、，,]/u, zh: '第三层序数应写作“1.”', en: 'Third-level numbering is written "1."' },
  {
    pattern: /^[1-9]\d*．/u,
    zh: '第三层序数应使用半角点“1.”',
    en: 'Third-level numbering uses a half-width full stop "1."',
  },
  {
    pattern: /^\([1-9]\d*\)/u,
    zh: '第四层序数应使用全角括号“（1）”',
    en: 'Fourth-level numbering uses full-width brackets "（1）"',
  },
  { pattern: /^（[1-9]\d*）[、.．]/u, zh: '“（1）”后不加顿号或点号', en: 'No mark after "（1）"' },
];

export function chineseNumber(text: string): number {
  const digit = (c: string) => '零一二三四五六七八九'.indexOf(c);
  if (text === '十') return 10;
  let total = 0;
  let current = 0;
  for (const c of text) {
    if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = digit(c);
  }
  return total + current;
}

function textOf(node: JsonNode): string {
  if (node.type === 'text') {
    // Text proposed for deletion is not part of the document as it will read.
    return node.marks?.some((m) => m.type === 'deletion') ? '' : (node.text ?? '');
  }
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join('');
}

function marksIn(node: JsonNode, found: Set<string>): Set<string> {
  for (const m of node.marks ?? []) found.add(m.type);
  for (const child of node.content ?? []) marksIn(child, found);
  return found;
}

const FORMATTING_MARKS: Record<string, { zh: string; en: string }> = {
  bold: { zh: '加粗', en: 'bold' },
  italic: { zh: '倾斜', en: 'italic' },
  underline: { zh: '下划线', en: 'underline' },
  strike: { zh: '删除线', en: 'strikethrough' },
  code: { zh: '代码格式', en: 'code' },
};

const DATE = /^(\d{4})年([1-9]\d?)月([1-9]\d?)日$/u;

export function checkFormat(input: FormatCheckInput): FormatProblem[] {
  const problems: FormatProblem[] = [];
  const add = (code: string, severity: FormatProblem['severity'], at: FormatProblem['at'], zh: string, en: string) =>
    problems.push({ code, severity, at, zh, en });
  const kind = OFFICIAL_DOCUMENT_KINDS[input.kind];

  // ── 标题 ──
  const title = input.title.trim();
  if (!title) add('title_missing', 'error', { field: 'title' }, '缺少标题', 'The title is missing');
  else {
    const kindName = kind.zh.replace(/\(.*\)/, '');
    const alsoOrder = input.kind === 'order' && /令$/.test(title);
    if (!title.endsWith(kindName) && !alsoOrder)
      add(
        'title_kind',
        'error',
        { field: 'title' },
        `标题应以文种“${kindName}”结尾`,
        `The title should end with the kind of document, "${kindName}"`,
      );
    const marks = title.replace(/《[^》]*》/g, '').match(/[，。；：！？、,.;:!?]/gu);
    if (marks)
      add(
        'title_punctuation',
        'warning',
        { field: 'title' },
        `标题中一般不用标点符号（法规、规章名称的书名号除外）：${[...new Set(marks)].join(' ')}`,
        `Titles take no punctuation apart from title marks around the names of laws and rules: ${[...new Set(marks)].join(' ')}`,
      );
  }

  // ── 发文字号 ──
  if (input.documentNumber !== null) {
    const n = input.documentNumber;
    if (!/^\S+〔\d{4}〕[1-9]\d*号$/u.test(n)) {
      const hint = /[[\]【】（）()]\d{4}[[\]【】（）()]/u.test(n)
        ? { zh: '年份应使用六角括号〔〕', en: 'the year goes in hexagonal brackets 〔〕' }
        : /〔\d{4}〕0\d*/u.test(n)
          ? { zh: '序号不编虚位（不写作 01）', en: 'the serial number has no leading zeros' }
          : /第\d+号/u.test(n)
            ? { zh: '序号前不加“第”字', en: 'no 第 before the serial number' }
            : { zh: '格式应为“代字〔年份〕序号号”', en: 'the form is 代字〔year〕serial号' };
      add(
        'number_format',
        'error',
        { field: 'documentNumber' },
        `发文字号格式不正确：${hint.zh}`,
        `The document number is malformed: ${hint.en}`,
      );
    }
  }

  // ── 主送机关, 签发人, 份号 ──
  if (!input.mainRecipients?.trim() && !WITHOUT_RECIPIENTS.has(input.kind))
    add(
      'recipients_missing',
      'error',
      { field: 'mainRecipients' },
      `${kind.zh}应当标注主送机关`,
      `A ${kind.en.toLowerCase()} names its main recipients`,
    );
  if (kind.upward && input.signers.length === 0)
    add(
      'signer_missing',
      'error',
      { field: 'signers' },
      '上行文应当标注签发人',
      'A document sent to a higher authority names who signed it off',
    );
  if (input.classification >= 2 && !input.copyNumber)
    add(
      'copy_number_missing',
      'error',
      { field: 'copyNumber' },
      '涉密公文应当标注份号',
      'A classified document carries a copy number',
    );
  if (input.copyNumber && !/^\d{6}$/.test(input.copyNumber))
    add(
      'copy_number_format',
      'error',
      { field: 'copyNumber' },
      '份号应为6位阿拉伯数字',
      'The copy number has six digits',
    );

  // ── 成文日期 ──
  if (input.date !== null && !DATE.test(input.date))
    add(
      'date_format',
      'error',
      { field: 'date' },
      `成文日期应使用阿拉伯数字，年份写全，月、日不编虚位（如“2026年12月4日”）：${input.date}`,
      `The date is written in Arabic numerals, the full year, month and day without leading zeros (2026年12月4日): ${input.date}`,
    );

  // ── 正文 ──
  const blocks = input.body.content ?? [];
  if (blocks.every((b) => textOf(b).trim() === ''))
    add('body_empty', 'error', { block: 0, offset: 0 }, '正文为空', 'The body is empty');
  const counters: [number, number, number, number] = [0, 0, 0, 0];
  let deepest = 0;
  const referencedAttachments = new Set<number>();
  let mentionsAttachment: { block: number; offset: number } | null = null;
  blocks.forEach((block, index) => {
    const text = textOf(block);
    const trimmed = text.replace(/^[\s\u3000]+/u, '');
    if (trimmed !== text && trimmed)
      add(
        'manual_indent',
        'warning',
        { block: index, offset: 0 },
        '段首不要用空格缩进，排版时自动空二字',
        'Do not indent with spaces: the layout indents each paragraph by two characters',
      );
    if (block.type === 'heading')
      add(
        'heading_style',
        'warning',
        { block: index, offset: 0 },
        '公文正文用层次序数（一、（一）1.（1））表示结构，不用标题样式',
        'Structure the body with the numbering 一、（一）1.（1）, not heading styles',
      );
    const marks = [...marksIn(block, new Set())].filter((m) => m in FORMATTING_MARKS);
    if (marks.length)
      add(
        'character_formatting',
        'warning',
        { block: index, offset: 0 },
        `公文正文不使用${marks.map((m) => FORMATTING_MARKS[m]!.zh).join('、')}，字体字号由版式确定`,
        `The body takes no ${marks.map((m) => FORMATTING_MARKS[m]!.en).join(', ')}: the layout sets fonts and sizes`,
      );

    for (const wrong of WRONG_FORMS)
      if (wrong.pattern.test(trimmed)) add('numbering_form', 'error', { block: index, offset: 0 }, wrong.zh, wrong.en);
    for (const { level, pattern, value } of LEVELS) {
      const m = pattern.exec(trimmed);
      if (!m) continue;
      const n = value(m);
      const expected = counters[level - 1] + 1;
      if (level > deepest + 1 && deepest > 0)
        add(
          'numbering_skip',
          'warning',
          { block: index, offset: 0 },
          `层次序数跳级：第${deepest}层之后直接出现第${level}层`,
          `Numbering skips a level: level ${level} follows level ${deepest}`,
        );
      if (n !== expected)
        add(
          'numbering_sequence',
          'error',
          { block: index, offset: 0 },
          `层次序数不连续：此处应为第${expected}项，写作第${n}项`,
          `Numbering is out of sequence: item ${expected} expected, ${n} written`,
        );
      counters[level - 1] = n;
      counters.fill(0, level);
      deepest = level;
      break;
    }

    for (const m of text.matchAll(/附件\s*([1-9]\d*)?/gu)) {
      mentionsAttachment ??= { block: index, offset: m.index };
      if (m[1]) referencedAttachments.add(Number(m[1]));
    }
    const chineseYear = new RegExp(`[${CN_DIGITS}]{4}年`, 'u').exec(text);
    if (chineseYear)
      add(
        'date_numerals',
        'warning',
        { block: index, offset: chineseYear.index },
        '公文中的日期一般使用阿拉伯数字',
        'Dates in a document are written in Arabic numerals',
      );
  });

  // ── 附件说明 ──
  const note = input.attachmentNote.map((n) => n.trim()).filter(Boolean);
  if (input.attachedFiles.length > 0 && note.length === 0)
    add(
      'attachment_note_missing',
      'error',
      { field: 'attachments' },
      '有附件的公文应当在正文下注明附件说明',
      'A document with attachments lists them under the body',
    );
  if (note.length > 0 && note.length !== input.attachedFiles.length)
    add(
      'attachment_count',
      'error',
      { field: 'attachments' },
      `附件说明列出${note.length}个附件，实际附有${input.attachedFiles.length}个文件`,
      `The attachment note lists ${note.length}, but ${input.attachedFiles.length} files are attached`,
    );
  // 附件1 is the first file, and so on: each line of the note names the file at its place.
  if (note.length === input.attachedFiles.length)
    note.forEach((name, i) => {
      const file = input.attachedFiles[i]!.trim();
      if (name !== file)
        add(
          'attachment_mismatch',
          'error',
          { field: 'attachments' },
          `附件说明第${i + 1}项“${name}”与附件${i + 1}“${file}”不一致`,
          `Line ${i + 1} of the attachment note (${name}) does not name attachment ${i + 1} (${file})`,
        );
    });
  for (const name of note) {
    if (/^《.*》$/u.test(name) || /[。；，、.;,]$/u.test(name))
      add(
        'attachment_name',
        'error',
        { field: 'attachments' },
        `附件名称不加书名号，后面不加标点符号：${name}`,
        `Attachment names take no title marks and no closing punctuation: ${name}`,
      );
  }
  for (const n of referencedAttachments)
    if (n > Math.max(note.length, input.attachedFiles.length))
      add(
        'attachment_reference',
        'error',
        mentionsAttachment ?? { field: 'attachments' },
        `正文提到附件${n}，但没有第${n}个附件`,
        `The body refers to attachment ${n}, which does not exist`,
      );
  if (mentionsAttachment && note.length === 0 && input.attachedFiles.length === 0)
    add(
      'attachment_absent',
      'warning',
      mentionsAttachment,
      '正文提到附件，但没有附件',
      'The body mentions an attachment but none is attached',
    );
  return problems;
}
