// Records that a person opened a document: their visit (the workbench's recent documents) and the audit event, in one
// transaction. The collab-token route writes the same two rows when a browser opens a document. Opening the 正文 of a
// 公文 is also a read in its 查阅留痕.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Access } from '../../policies/documents.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordReadIn } from '../officialDocs/officialDocReads.ts';

export async function recordDocumentOpen(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  userId: string,
  access: Access,
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    await tx.documentVisit.upsert({
      where: { documentId_userId: { documentId, userId } },
      create: { documentId, userId, firstAt: ctx.at, lastAt: ctx.at },
      update: { lastAt: ctx.at },
    });
    await recordAudit(tx, ctx, {
      action: 'document.open',
      resourceType: 'document',
      resourceId: documentId,
      detail: { access },
    });
    const official = await tx.officialDocument.findUnique({ where: { documentId }, select: { id: true } });
    if (official) await recordReadIn(tx, official.id, userId, 'body', ctx.at);
  });
}
