// The 公文 the PDF tests render: a city government office's 通知 on winter work safety, with every part of the GB/T 9704
// layout filled in (份号, 密级, 紧急程度, 版头, 发文字号, 主送, 附件说明, 发文机关署名 and seal, 成文日期, 抄送, 印发); and the plain
// paragraph the export tests write bodies with.
import type { Block } from '../../server/export/documentModel.ts';
import type { GongwenFonts } from '../../server/export/gongwenFonts.ts';
import type { GongwenPdfInput } from '../../server/export/gongwenPdf.ts';

/** A paragraph of plain text, no comment threads. */
export const para = (text: string): Block => ({ kind: 'paragraph', runs: [{ text, threadIds: [] }] });

/** The 通知 with the given body and 抄送 units, laid out with `fonts`. */
export function sampleNotice(fonts: GongwenFonts, blocks: Block[], copyTo: string[]): GongwenPdfInput {
  return {
    copyNumber: '000123',
    secrecy: '内部',
    urgency: '加急',
    issuerMark: '某某市人民政府办公室文件',
    documentNumber: '某政办发〔2026〕12号',
    signers: null,
    title: '某某市人民政府办公室关于做好冬季安全生产工作的通知',
    mainRecipients: '各区人民政府，市政府各部门',
    blocks,
    attachments: ['检查重点清单'],
    issuerSignature: '某某市人民政府办公室',
    date: '2026年12月4日',
    sealed: { unitName: '某某市人民政府办公室' },
    note: null,
    copyTo,
    printedBy: '某某市人民政府办公室',
    printedDate: '2026年12月4日',
    fonts,
    author: '某某市人民政府办公室',
    createdAt: new Date('2026-12-04T02:00:00Z'),
  };
}
