// Drafting from a template (公文模板): the template's 版头, 主送/抄送, 附注 and 公开属性 fill the new 公文 (what the drafter
// typed wins), and its 正文 skeleton becomes the first content of the co-edited document — written into the Yjs state
// through the collab server like any other change, so every editor opens on it.
import { updateYFragment } from '@tiptap/y-tiptap';
import type { Disclosure, OfficialDocumentKind } from '../../../common/officialDocs/catalogue.ts';
import { DOCUMENT_FIELD, documentSchema } from '../../../common/schema/documentSchema.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import { loadTemplate } from '../../queries/officialDocs/templates.ts';
import type { Services } from '../../services.ts';
import type { OfficialDocFields } from './officialDocFields.ts';

export interface DraftingTemplate {
  id: string;
  issuerMark: string;
  fields: Partial<OfficialDocFields>;
  /** The 正文 skeleton, ProseMirror JSON. */
  body: string;
}

/** The template the subject drafts from: one they may use (404 otherwise), of the kind they draft. */
export async function templateForDrafting(
  tx: Tx,
  subject: Subject,
  templateId: string,
  kind: OfficialDocumentKind,
): Promise<DraftingTemplate> {
  const { row } = await loadTemplate(tx, subject, templateId);
  if (row.kind !== kind) throw officialDocError(400, 'template_kind_mismatch');
  return {
    id: row.id,
    issuerMark: row.issuerMark,
    fields: {
      mainRecipients: JSON.parse(row.mainRecipients) as string[],
      ccRecipients: JSON.parse(row.ccRecipients) as string[],
      remark: row.remark,
      disclosure: row.disclosure as Disclosure,
    },
    body: row.body,
  };
}

/** Writes the template's 正文 into the new document's Yjs state (durably logged before this returns). */
export async function seedBody(svc: Services, documentId: string, userId: string, body: string): Promise<void> {
  const node = documentSchema().nodeFromJSON(JSON.parse(body));
  await svc.collab.transact(documentId, userId, (ydoc) => {
    updateYFragment(ydoc, ydoc.getXmlFragment(DOCUMENT_FIELD), node, { mapping: new Map(), isOMark: new Map() });
  });
}
