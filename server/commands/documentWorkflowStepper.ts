// Moves a draft through its workflow (submit for review, return, finalise, reopen), freezing a version at each step
// and telling the people with access. Open collab connections are re-evaluated (finalised = read-only for everyone).
import { recordAudit, type RequestContext } from '../audit/auditLog.ts';
import { transition, type WorkflowAction } from '../domain/documents/documentWorkflow.ts';
import { InvalidState } from '../errors.ts';
import type { Services } from '../services.ts';
import { inTransaction } from './transaction.ts';
import { createVersion } from './versionCreator.ts';

export async function stepDocumentWorkflow(svc: Services, ctx: RequestContext, documentId: string, action: WorkflowAction, note: string): Promise<{ status: string; versionId: string }> {
  const doc = await svc.db.document.findUniqueOrThrow({ where: { id: documentId }, include: { shares: true } });
  const step = transition(doc.status, action);
  if (!step) throw new InvalidState('illegal_transition', `A ${doc.status} document cannot be ${action}ed`);
  // The version is taken before the status changes, so it records exactly what was submitted or finalised.
  const version = await createVersion(svc, ctx, documentId, step.versionName, step.version);
  const notices = await inTransaction(svc, async (tx) => {
    const changed = await tx.document.updateMany({ where: { id: documentId, status: doc.status }, data: { status: step.to, reviewMode: step.reviewMode, updatedAt: ctx.at } });
    if (changed.count !== 1) throw new InvalidState('concurrent_change', 'The document changed meanwhile; reload and try again');
    await recordAudit(tx, ctx, { action: `document.${action}`, resourceType: 'document', resourceId: documentId, detail: { from: doc.status, to: step.to, versionId: version.id, contentHash: version.contentHash } });
    const recipients = new Set(doc.shares.filter((s) => s.granteeType === 'user').map((s) => s.granteeId));
    recipients.add(doc.ownerId);
    recipients.delete(ctx.actor?.id ?? '');
    const titles: Record<WorkflowAction, string> = { submit: '送审', return: '退回修改', finalise: '已定稿', reopen: '重新打开' };
    return svc.notifications.create(tx, [...recipients].map((userId) => ({
      userId, kind: `document.${action}`, title: `《${doc.title}》${titles[action]}`, body: note, link: `/documents/${documentId}`,
    })), ctx.at);
  });
  await svc.notifications.publish(notices);
  await svc.collab.refreshAccess(documentId);
  return { status: step.to, versionId: version.id };
}
