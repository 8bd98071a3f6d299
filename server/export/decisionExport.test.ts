// Decision items in DOCX and PDF: a paragraph numbered once (the author's own numbering kept, a number added only
// when there is none) with the fields line under it.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../tests/support/pdfText.ts';
import { exportModel, type Block } from './documentModel.ts';
import { renderDocx } from './docxExport.ts';
import { renderPdf } from './pdfExport.ts';
import { findCjkFont } from './cjkFont.ts';

const blocks: Block[] = [
  { kind: 'paragraph', runs: [{ text: '会议议定：', threadIds: [] }] },
  {
    kind: 'decision',
    number: 1,
    anchor: 'd-00000001',
    runs: [{ text: '推进老旧小区改造。', threadIds: [] }],
    fields: {
      leadUnits: ['区住建局'],
      coUnits: ['各街道'],
      owners: ['王强'],
      coOwners: [],
      due: '2025-03-31',
      noDeadline: false,
    },
  },
];

const decision = (text: string, marks?: Array<{ type: string; attrs?: Record<string, unknown> }>) => ({
  type: 'decisionItem',
  attrs: { id: null },
  content: [{ type: 'text', text, ...(marks ? { marks } : {}) }],
});

/** Minutes whose first two decisions carry their author's numbering and whose third has none. */
const ownNumbered = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: '会议议定：' }] },
    decision('一、由区住建委牵头推进老旧小区改造。'),
    decision('（二）区发改委报送重大项目储备清单。'),
    decision('区卫健委牵头做好冬季传染病防控工作。'),
  ],
};

const numbers = (doc: Parameters<typeof exportModel>[0], suggestions: 'show' | 'apply' = 'apply') =>
  exportModel(doc, { suggestions }).flatMap((b) => (b.kind === 'decision' ? [b.number] : []));

describe('decision numbering', () => {
  it('keeps the author’s own numbering and numbers only the items without one, by their place', () => {
    expect(numbers(ownNumbered)).toEqual([null, null, 3]);
  });

  it('reads the text as it stands once tracked changes are accepted', () => {
    const deletion = [{ type: 'deletion', attrs: { id: 'u1:1700000000000:a' } }];
    const insertion = [{ type: 'insertion', attrs: { id: 'u1:1700000000000:b' } }];
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'decisionItem',
          attrs: { id: null },
          content: [
            { type: 'text', text: '一、', marks: deletion },
            { type: 'text', text: '推进甲。' },
          ],
        },
        {
          type: 'decisionItem',
          attrs: { id: null },
          content: [
            { type: 'text', text: '二、', marks: insertion },
            { type: 'text', text: '推进乙。' },
          ],
        },
      ],
    };
    expect(numbers(doc, 'show')).toEqual([1, null]);
    expect(numbers(doc, 'apply')).toEqual([1, null]);
  });
});

describe('decision items in exports', () => {
  it('writes the number, the text and the fields line to DOCX', async () => {
    const body = await renderDocx({
      title: '纪要',
      classificationLabel: '内部',
      blocks,
      threads: [],
      includeComments: false,
      authorName: () => '',
    });
    const xml = strFromU8(unzipSync(new Uint8Array(body))['word/document.xml']!);
    expect(xml).toContain('1. ');
    expect(xml).toContain('推进老旧小区改造。');
    expect(xml).toContain('牵头单位：区住建局；配合单位：各街道；责任人：王强；完成时限：2025-03-31');
  });

  it('does not number twice in DOCX', async () => {
    const body = await renderDocx({
      title: '纪要',
      classificationLabel: '内部',
      blocks: exportModel(ownNumbered, { suggestions: 'apply' }),
      threads: [],
      includeComments: false,
      authorName: () => '',
    });
    const text = strFromU8(unzipSync(new Uint8Array(body))['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(text).toContain('一、由区住建委牵头');
    expect(text).toContain('（二）区发改委');
    expect(text).toContain('3. 区卫健委牵头');
    expect(text).not.toMatch(/\d\. (一、|（二）)/);
  });

  it('renders them to PDF, each decision numbered once', async () => {
    const font = findCjkFont();
    if (!font) throw new Error('PDF export needs a Chinese font (fonts-wqy-microhei)');
    const body = await renderPdf({
      title: '纪要',
      classificationLabel: '内部',
      blocks: exportModel(ownNumbered, { suggestions: 'apply' }),
      threads: [],
      includeComments: false,
      authorName: () => '',
      font,
      footer: '内部',
    });
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(body)).join('').replace(/\n/g, '');
    expect(text).toContain('一、由区住建委牵头');
    expect(text).toContain('（二）区发改委');
    expect(text).toContain('3. 区卫健委牵头');
    expect(text).not.toMatch(/\d\. ?(一、|（二）)/);
  });
});
