// The format check of a 公文 as it stands (common/officialDocs/formatCheck.ts): its record and its 正文 read from the
// collaborative document's current state (ProseMirror JSON, tracked deletions not counted). Submission refuses on its
// errors; GET /:id/format-check lists all of them.
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { parseIsoDate } from '../../../common/calendar/isoDate.ts';
import { formatDocumentNumber, type OfficialDocumentKind } from '../../../common/officialDocs/catalogue.ts';
import { checkFormat, type FormatProblem, type JsonNode } from '../../../common/officialDocs/formatCheck.ts';
import { documentSchema, DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import type { Services } from '../../services.ts';
import type { LoadedOfficialDoc } from './officialDocFacts.ts';

/** Elements written in later than the draft: not asked of a 公文 before it gets them. */
const LATER: Record<string, (status: string) => boolean> = {
  // 签发人 are the people who sign it off: known from 签发 on.
  signer_missing: (status) => status === 'draft' || status === 'in_route',
};

const list = (json: string): string[] => {
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** The 正文 as ProseMirror JSON, from the live document when it is open, else from storage. */
export async function officialDocBody(
  collab: Pick<Services['collab'], 'currentState'>,
  documentId: string,
): Promise<JsonNode> {
  const ydoc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(ydoc, await collab.currentState(documentId));
    return yXmlFragmentToProseMirrorRootNode(
      ydoc.getXmlFragment(DOCUMENT_FIELD),
      documentSchema(),
    ).toJSON() as JsonNode;
  } finally {
    ydoc.destroy();
  }
}

export async function formatProblems(svc: Pick<Services, 'collab'>, row: LoadedOfficialDoc): Promise<FormatProblem[]> {
  const notes = list(row.attachmentNotes);
  const written = row.writtenOn ? parseIsoDate(row.writtenOn) : null;
  const problems = checkFormat({
    kind: row.kind as OfficialDocumentKind,
    title: row.document.title,
    documentNumber:
      row.numberYear !== null && row.numberSeq !== null
        ? formatDocumentNumber(row.numberPrefix, row.numberYear, row.numberSeq)
        : null,
    mainRecipients: list(row.mainRecipients).join('，') || null,
    classification: row.document.classification,
    copyNumber: row.copyNumber || null,
    signers: list(row.signers),
    date: written ? `${written.year}年${written.month}月${written.day}日` : null,
    attachmentNote: notes,
    // The files themselves, in order: the 附件说明 must name each at its place (a 公文 drafted before files were kept
    // may list names with no file behind them, which the check reports).
    attachedFiles: row.attachments.map((a) => a.name),
    body: await officialDocBody(svc.collab, row.documentId),
  });
  return problems.filter((p) => !LATER[p.code]?.(row.status));
}

export const formatErrorsIn = (problems: readonly FormatProblem[]) => problems.filter((p) => p.severity === 'error');
