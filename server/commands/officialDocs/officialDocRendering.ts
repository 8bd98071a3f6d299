// A 公文 as GB/T 9704 lays it out: its record's elements and its 正文 (the co-edited document as it reads with every
// tracked change accepted) turned into the content the PDF and DOCX layouts set.
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { parseIsoDate, shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import {
  formatDocumentNumber,
  needsSigner,
  URGENCIES,
  type OfficialDocumentKind,
  type Urgency,
} from '../../../common/officialDocs/catalogue.ts';
import { documentSchema, DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { exportModel } from '../../export/documentModel.ts';
import type { GongwenContent } from '../../export/gongwenLayout.ts';
import type { LoadedOfficialDoc } from '../../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../../services.ts';

const SECRECY_LABELS = ['', '', '秘密', '机密'];

/** "2026年12月4日": Arabic numerals, no leading zeros (GB/T 9704 7.3.5). */
export function chineseDate(isoDate: string): string {
  const d = parseIsoDate(isoDate);
  return `${d.year}年${d.month}月${d.day}日`;
}

const list = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
  } catch {
    return [];
  }
};

export async function gongwenContent(
  svc: Services,
  row: LoadedOfficialDoc,
  options: { at: Date; seal: { unitName: string } | null },
): Promise<GongwenContent> {
  const ydoc = new Y.Doc({ gc: false });
  Y.applyUpdate(ydoc, await svc.collab.currentState(row.documentId));
  const json = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(DOCUMENT_FIELD), documentSchema()).toJSON();
  ydoc.destroy();
  const classification = row.document.classification;
  const secrecy = SECRECY_LABELS[classification]
    ? `${SECRECY_LABELS[classification]}${row.secrecyPeriod ? `★${row.secrecyPeriod}` : ''}`
    : null;
  const today = shanghaiDateOf(options.at);
  return {
    copyNumber: row.copyNumber || null,
    secrecy,
    urgency: (URGENCIES[row.urgency as Urgency]?.zh || null) as GongwenContent['urgency'],
    issuerMark: row.issuerMark || null,
    documentNumber:
      row.numberYear !== null && row.numberSeq !== null
        ? formatDocumentNumber(row.numberPrefix, row.numberYear, row.numberSeq)
        : null,
    signers: needsSigner(row.kind as OfficialDocumentKind) ? list(row.signers) : null,
    title: row.document.title,
    mainRecipients: list(row.mainRecipients).join('，') || null,
    blocks: exportModel(json, { suggestions: 'apply' }),
    attachments: list(row.attachmentNotes),
    issuerSignature: row.issuerSignature || null,
    date: chineseDate(row.writtenOn ?? today),
    sealed: options.seal,
    note: row.remark || null,
    copyTo: list(row.ccRecipients),
    printedBy: row.printingUnit || null,
    printedDate: chineseDate(row.printedOn ?? row.writtenOn ?? today),
  };
}
