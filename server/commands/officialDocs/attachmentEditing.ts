// What every change to a 公文's attachments shares: the check that the subject may change them now (the drafter, while
// it is a draft), the rules of an attachment's name in the 附件说明, and keeping the 附件说明 (attachmentNotes, which
// the GB/T 9704 layout prints) in step with the files, inside the change's transaction.
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { can } from '../../policies/index.ts';
import { attachmentRefusal } from '../../policies/officialDocAttachments.ts';
import { authorizeOfficialDocView, officialDocError, officialDocResource } from '../../policies/officialDocs.ts';
import { attachmentRows } from '../../queries/officialDocs/attachments.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';

export const MAX_ATTACHMENTS = 50;

/** The 公文 and its attachments, when the subject may change them now; 404 when they may not read it. */
export async function editableAttachments(db: Db | Tx, subject: Subject, id: string, at: Date) {
  const row = await loadOfficialDoc(db, id);
  const resource = officialDocResource(officialDocFacts(row), await principalsOf(db, subject.id, at));
  authorizeOfficialDocView(subject, resource);
  if (!can(subject, 'officialDoc.attachment.edit', resource)) throw attachmentRefusal(resource);
  return { row, rows: await attachmentRows(db, id) };
}

/**
 * An attachment's name as the 附件说明 prints it: trimmed, 1–200 characters, no title marks around it and no closing
 * punctuation (GB/T 9704 7.3.3; the format check says the same of the note).
 */
export function attachmentName(raw: string): string {
  const name = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!name || name.length > 200 || /^《.*》$/u.test(name) || /[。；，、.;,：:]$/u.test(name))
    throw officialDocError(400, 'attachment_name_invalid');
  return name;
}

/** Rewrites the 附件说明 from the files (names in number order); the 公文 changed, so its revision moves on. */
export async function syncAttachmentNotes(tx: Tx, id: string, at: Date): Promise<string[]> {
  const names = (await attachmentRows(tx, id)).map((r) => r.name);
  await tx.officialDocument.update({
    where: { id },
    data: { attachmentNotes: JSON.stringify(names), revision: { increment: 1 }, updatedAt: at },
  });
  return names;
}
