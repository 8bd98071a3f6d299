// The owner replaces a document's explicit shares; open connections are re-evaluated at once.
import { recordAudit, type RequestContext } from '../audit/auditLog.ts';
import { BadRequest } from '../errors.ts';
import type { ShareAccess } from '../policies/documents.ts';
import type { Services } from '../services.ts';
import { inTransaction } from './transaction.ts';

export interface ShareInput {
  granteeType: 'user' | 'unit';
  granteeId: string;
  access: ShareAccess;
}

export async function setDocumentShares(svc: Services, ctx: RequestContext, documentId: string, shares: ShareInput[]): Promise<void> {
  const keys = new Set(shares.map((s) => `${s.granteeType}:${s.granteeId}`));
  if (keys.size !== shares.length) throw new BadRequest('duplicate_share', 'Each person or unit may appear once');
  await inTransaction(svc, async (tx) => {
    const users = shares.filter((s) => s.granteeType === 'user').map((s) => s.granteeId);
    const units = shares.filter((s) => s.granteeType === 'unit').map((s) => s.granteeId);
    if ((await tx.user.count({ where: { id: { in: users } } })) !== users.length) throw new BadRequest('unknown_grantee', 'A shared user does not exist');
    if ((await tx.unit.count({ where: { id: { in: units } } })) !== units.length) throw new BadRequest('unknown_grantee', 'A shared unit does not exist');
    await tx.documentShare.deleteMany({ where: { documentId } });
    await tx.documentShare.createMany({ data: shares.map((s) => ({ ...s, documentId, createdById: ctx.actor?.id ?? '', createdAt: ctx.at })) });
    await tx.document.update({ where: { id: documentId }, data: { updatedAt: ctx.at } });
    await recordAudit(tx, ctx, { action: 'document.share', resourceType: 'document', resourceId: documentId, detail: { shares: shares.map((s) => `${s.granteeType}:${s.granteeId}:${s.access}`) } });
  });
  await svc.collab.refreshAccess(documentId);
}
