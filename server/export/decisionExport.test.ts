// Decision items in DOCX and PDF: a numbered paragraph with the fields line under it.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block } from './documentModel.ts';
import { renderDocx } from './docxExport.ts';
import { renderPdf } from './pdfExport.ts';
import { findCjkFont } from './cjkFont.ts';

const blocks: Block[] = [
  { kind: 'paragraph', runs: [{ text: '会议议定：', threadIds: [] }] },
  {
    kind: 'decision', number: 1, anchor: 'd-00000001', runs: [{ text: '推进老旧小区改造。', threadIds: [] }],
    fields: { leadUnits: ['区住建局'], coUnits: ['各街道'], owners: ['王强'], coOwners: [], due: '2025-03-31', noDeadline: false },
  },
];

describe('decision items in exports', () => {
  it('writes the number, the text and the fields line to DOCX', async () => {
    const body = await renderDocx({ title: '纪要', classificationLabel: '内部', blocks, threads: [], includeComments: false, authorName: () => '' });
    const xml = strFromU8(unzipSync(new Uint8Array(body))['word/document.xml']!);
    expect(xml).toContain('1. ');
    expect(xml).toContain('推进老旧小区改造。');
    expect(xml).toContain('牵头单位：区住建局；配合单位：各街道；责任人：王强；完成时限：2025-03-31');
  });

  it('renders them to PDF', async () => {
    const font = findCjkFont();
    if (!font) throw new Error('PDF export needs a Chinese font (fonts-wqy-microhei)');
    const body = await renderPdf({ title: '纪要', classificationLabel: '内部', blocks, threads: [], includeComments: false, authorName: () => '', font, footer: '内部' });
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
