// The drafter arranges a 公文's attachments while it is a draft: renames one (its line in the 附件说明), puts them in a
// new order (附件1, 附件2 … follow), or removes one (the rest close up). Each change keeps the 附件说明 in step and
// writes its audit event in the same transaction; a removed file's bytes stay in the store, named by the audit event.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { NotFound } from '../../errors.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import type { Services } from '../../services.ts';
import { attachmentName, editableAttachments, syncAttachmentNotes } from './attachmentEditing.ts';
import { auditingRefusals } from './refusalAudit.ts';

const auditOf = (action: string, id: string) => ({ action, resourceType: 'official_document', resourceId: id });

/** Numbers the attachments 1… in the order given (two passes: the numbers are unique per 公文 at every moment). */
async function renumber(tx: Tx, ids: readonly string[], at: Date): Promise<void> {
  for (const [i, id] of ids.entries())
    await tx.officialDocumentAttachment.update({ where: { id }, data: { number: -(i + 1) } });
  for (const [i, id] of ids.entries())
    await tx.officialDocumentAttachment.update({ where: { id }, data: { number: i + 1, updatedAt: at } });
}

export async function renameAttachment(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  attachmentId: string,
  rawName: string,
): Promise<void> {
  const audit = auditOf('officialDoc.attachment.rename', id);
  await auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      const { rows } = await editableAttachments(tx, subject, id, ctx.at);
      const attachment = rows.find((r) => r.id === attachmentId);
      if (!attachment) throw new NotFound('attachment');
      const name = attachmentName(rawName);
      await tx.officialDocumentAttachment.update({ where: { id: attachmentId }, data: { name, updatedAt: ctx.at } });
      await syncAttachmentNotes(tx, id, ctx.at);
      await recordAudit(tx, ctx, { ...audit, detail: { attachmentId, number: attachment.number } });
    }),
  );
}

export async function orderAttachments(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  ids: readonly string[],
): Promise<void> {
  const audit = auditOf('officialDoc.attachment.order', id);
  await auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      const { rows } = await editableAttachments(tx, subject, id, ctx.at);
      const known = new Set(rows.map((r) => r.id));
      if (new Set(ids).size !== ids.length || ids.length !== rows.length || !ids.every((a) => known.has(a)))
        throw officialDocError(400, 'attachment_order_incomplete');
      await renumber(tx, ids, ctx.at);
      await syncAttachmentNotes(tx, id, ctx.at);
      await recordAudit(tx, ctx, { ...audit, detail: { ids } });
    }),
  );
}

export async function removeAttachment(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  attachmentId: string,
): Promise<void> {
  const audit = auditOf('officialDoc.attachment.remove', id);
  await auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      const { rows } = await editableAttachments(tx, subject, id, ctx.at);
      const attachment = rows.find((r) => r.id === attachmentId);
      if (!attachment) throw new NotFound('attachment');
      await tx.officialDocumentAttachment.delete({ where: { id: attachmentId } });
      await renumber(
        tx,
        rows.filter((r) => r.id !== attachmentId).map((r) => r.id),
        ctx.at,
      );
      await syncAttachmentNotes(tx, id, ctx.at);
      await recordAudit(tx, ctx, {
        ...audit,
        detail: { attachmentId, number: attachment.number, sha256: attachment.sha256, sm3: attachment.sm3 },
      });
    }),
  );
}
