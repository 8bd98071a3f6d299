// The owner replaces a document's explicit shares; open connections are re-evaluated at once.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { BadRequest, Unprocessable } from '../../errors.ts';
import { mayReceiveShare, type ShareAccess } from '../../policies/documents.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface ShareInput {
  granteeType: 'user' | 'unit';
  granteeId: string;
  access: ShareAccess;
}

export async function setDocumentShares(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  shares: ShareInput[],
): Promise<void> {
  const keys = new Set(shares.map((s) => `${s.granteeType}:${s.granteeId}`));
  if (keys.size !== shares.length) throw new BadRequest('duplicate_share', 'Each person or unit may appear once');
  await inTransaction(svc, async (tx) => {
    const users = shares.filter((s) => s.granteeType === 'user').map((s) => s.granteeId);
    const units = shares.filter((s) => s.granteeType === 'unit').map((s) => s.granteeId);
    const grantees = await tx.user.findMany({
      where: { id: { in: users } },
      select: { id: true, clearance: true, adminRole: true },
    });
    if (grantees.length !== users.length) throw new BadRequest('unknown_grantee', 'A shared user does not exist');
    const doc = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { classification: true } });
    const uncleared = grantees.filter((g) => !mayReceiveShare(g, doc)).map((g) => g.id);
    if (uncleared.length > 0) {
      throw new Unprocessable(
        'grantee_not_cleared',
        'A person you share with is not cleared for this document’s classification',
        { userIds: uncleared },
      );
    }
    if ((await tx.unit.count({ where: { id: { in: units } } })) !== units.length)
      throw new BadRequest('unknown_grantee', 'A shared unit does not exist');
    await tx.documentShare.deleteMany({ where: { documentId } });
    await tx.documentShare.createMany({
      data: shares.map((s) => ({ ...s, documentId, createdById: ctx.actor?.id ?? '', createdAt: ctx.at })),
    });
    await tx.document.update({ where: { id: documentId }, data: { updatedAt: ctx.at } });
    await recordAudit(tx, ctx, {
      action: 'document.share',
      resourceType: 'document',
      resourceId: documentId,
      detail: { shares: shares.map((s) => `${s.granteeType}:${s.granteeId}:${s.access}`) },
    });
  });
  await svc.collab.refreshAccess(documentId);
}
