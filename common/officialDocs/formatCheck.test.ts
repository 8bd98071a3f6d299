// The format check on correct documents (it must say nothing) and on each kind of mistake (it must name it and where).
import { describe, expect, it } from 'vitest';
import { checkFormat, chineseNumber, type FormatCheckInput, type JsonNode } from './formatCheck.ts';

const p = (text: string, marks: string[] = []): JsonNode => ({
  type: 'paragraph',
  content: text ? [{ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) }] : [],
});
const doc = (...blocks: JsonNode[]): JsonNode => ({ type: 'doc', content: blocks });

const notice: FormatCheckInput = {
  kind: 'notice',
  title: '某某区人民政府办公室关于做好2027年元旦春节期间安全生产工作的通知',
  documentNumber: '某政办发〔2026〕35号',
  mainRecipients: '各街道办事处，区政府各部门',
  classification: 1,
  copyNumber: null,
  signers: [],
  date: '2026年12月4日',
  attachmentNote: ['节日期间安全生产检查重点', '值班安排表'],
  attachedFiles: ['节日期间安全生产检查重点', '值班安排表'],
  body: doc(
    p('为切实做好2027年元旦、春节期间安全生产工作，经区政府同意，现就有关事项通知如下。'),
    p('一、压实安全生产责任'),
    p('（一）落实属地责任。各街道要按照附件1所列重点逐项检查。'),
    p('（二）落实部门责任。'),
    p('1.住建部门负责建筑施工安全。'),
    p('2.应急部门负责综合监管。'),
    p('（1）每日调度；'),
    p('（2）每周通报。'),
    p('二、强化应急值守'),
    p('严格执行24小时值班制度，值班安排见附件2。'),
  ),
};

const request: FormatCheckInput = {
  kind: 'request',
  title: '某某区发展和改革委员会关于申请安排老旧小区改造补助资金的请示',
  documentNumber: '某发改〔2026〕8号',
  mainRecipients: '区人民政府',
  classification: 0,
  copyNumber: null,
  signers: ['王明'],
  date: '2026年11月28日',
  attachmentNote: [],
  attachedFiles: [],
  body: doc(p('为推进老旧小区改造，拟申请补助资金，具体如下。'), p('妥否，请批示。')),
};

const codes = (input: FormatCheckInput) => checkFormat(input).map((x) => x.code);

describe('format check', () => {
  it('finds nothing wrong in correct documents', () => {
    expect(checkFormat(notice)).toEqual([]);
    expect(checkFormat(request)).toEqual([]);
    expect(
      checkFormat({
        ...notice,
        kind: 'announcement',
        title: '某某市人民政府公告',
        mainRecipients: null,
        attachmentNote: [],
        attachedFiles: [],
        body: doc(p('现将有关事项公告如下。'), p('特此公告。')),
      }),
    ).toEqual([]);
  });

  it('reads Chinese numerals', () => {
    expect([
      chineseNumber('一'),
      chineseNumber('十'),
      chineseNumber('十二'),
      chineseNumber('二十'),
      chineseNumber('二十三'),
      chineseNumber('一百零五'),
    ]).toEqual([1, 10, 12, 20, 23, 105]);
  });

  it.each<[string, Partial<FormatCheckInput>, string]>([
    ['title without its kind', { title: '关于做好安全生产工作的安排' }, 'title_kind'],
    ['empty title', { title: '  ' }, 'title_missing'],
    ['number in square brackets', { documentNumber: '某政办发[2026]35号' }, 'number_format'],
    ['number with leading zeros', { documentNumber: '某政办发〔2026〕035号' }, 'number_format'],
    ['number with 第', { documentNumber: '某政办发〔2026〕第35号' }, 'number_format'],
    ['no main recipients for a notice', { mainRecipients: ' ' }, 'recipients_missing'],
    ['date in Chinese numerals', { date: '二〇二六年十二月四日' }, 'date_format'],
    ['date with leading zeros', { date: '2026年12月04日' }, 'date_format'],
    ['secret without copy number', { classification: 2 }, 'copy_number_missing'],
    ['copy number not six digits', { copyNumber: '12' }, 'copy_number_format'],
    ['files without a note', { attachmentNote: [] }, 'attachment_note_missing'],
    ['note and files disagree', { attachedFiles: ['节日期间安全生产检查重点'] }, 'attachment_count'],
    ['note names another file', { attachedFiles: ['值班安排表', '节日期间安全生产检查重点'] }, 'attachment_mismatch'],
    ['attachment name in title marks', { attachmentNote: ['《检查重点》', '值班安排表'] }, 'attachment_name'],
  ])('%s', (_name, change, code) => {
    expect(codes({ ...notice, ...change })).toContain(code);
  });

  it('requires a 签发人 on a 请示', () => {
    expect(checkFormat({ ...request, signers: [] })).toEqual([
      expect.objectContaining({ code: 'signer_missing', severity: 'error', at: { field: 'signers' } }),
    ]);
  });

  it('names wrong numbering forms and where they are', () => {
    const problems = checkFormat({
      ...notice,
      body: doc(p('正文开头。'), p('一.总体要求'), p('(一)工作目标'), p('1、具体任务'), p('（1）、细项')),
    });
    expect(problems.filter((x) => x.code === 'numbering_form').map((x) => x.at)).toEqual([
      { block: 1, offset: 0 },
      { block: 2, offset: 0 },
      { block: 3, offset: 0 },
      { block: 4, offset: 0 },
    ]);
    expect(problems.every((x) => x.zh && x.en)).toBe(true);
  });

  it('finds numbering out of sequence, restarting under each parent, and a skipped level', () => {
    const problems = checkFormat({
      ...notice,
      body: doc(
        p('一、甲'),
        p('（一）乙'),
        p('（三）丙'),
        p('二、丁'),
        p('（一）戊'),
        p('1.己'),
        p('四、庚'),
        p('（1）辛'),
      ),
    });
    expect(problems.filter((x) => x.code === 'numbering_sequence').map((x) => x.at)).toEqual([
      { block: 2, offset: 0 },
      { block: 6, offset: 0 },
    ]);
    expect(problems.filter((x) => x.code === 'numbering_skip').map((x) => x.at)).toEqual([{ block: 7, offset: 0 }]);
  });

  it('flags character formatting, heading styles and indentation with spaces, not tracked changes', () => {
    const problems = checkFormat({
      ...notice,
      body: doc(
        p('正文，', ['bold']),
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '一、总体要求' }] },
        p('　　用全角空格缩进的段落。'),
        p('修改建议', ['insertion']),
      ),
    });
    expect(problems.map((x) => [x.code, x.at])).toEqual([
      ['character_formatting', { block: 0, offset: 0 }],
      ['heading_style', { block: 1, offset: 0 }],
      ['manual_indent', { block: 2, offset: 0 }],
    ]);
  });

  it('checks references to attachments against the attachments, and dates in Chinese numerals in the body', () => {
    const problems = checkFormat({
      ...notice,
      body: doc(p('具体安排见附件3。'), p('定于二〇二七年一月召开。')),
    });
    expect(problems.find((x) => x.code === 'attachment_reference')?.at).toEqual({ block: 0, offset: 5 });
    expect(problems.find((x) => x.code === 'date_numerals')?.at).toEqual({ block: 1, offset: 2 });
    expect(codes({ ...notice, attachmentNote: [], attachedFiles: [], body: doc(p('详见附件。')) })).toContain(
      'attachment_absent',
    );
  });

  it('ignores text proposed for deletion', () => {
    const body = doc({
      type: 'paragraph',
      content: [
        { type: 'text', text: '1、', marks: [{ type: 'deletion' }] },
        { type: 'text', text: '正文。' },
      ],
    });
    expect(codes({ ...notice, body })).not.toContain('numbering_form');
  });
});
