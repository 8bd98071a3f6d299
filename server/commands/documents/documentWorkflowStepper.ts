// Moves a draft through its workflow (submit for review, return, finalise, reopen), freezing a version at each step
// and telling the people with access. Open collab connections are re-evaluated (finalised = read-only for everyone).
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { transition, type WorkflowAction } from '../../domain/documents/documentWorkflow.ts';
import type { Tx } from '../../db/client.ts';
import { InvalidState } from '../../errors.ts';
import type { NotificationView } from '../../presenters/notification.ts';
import { notice } from '../../notifications/notificationHub.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { createVersion } from './versionCreator.ts';

/**
 * Work another use case does in the same transaction as the step (the minutes' own state for a minutes document),
 * returning the notifications it created; they are published with the step's.
 */
export type AlongsideStep = (
  tx: Tx,
  step: { versionId: string; contentHash: string },
) => Promise<Array<NotificationView>>;

export async function stepDocumentWorkflow(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  action: WorkflowAction,
  note: string,
  alongside?: AlongsideStep,
): Promise<{ status: string; versionId: string }> {
  const doc = await svc.db.document.findUniqueOrThrow({ where: { id: documentId }, include: { shares: true } });
  // A meeting's minutes move with their confirmation round (commands/minutes); a bare step would leave the two apart.
  if (doc.kind === 'minutes' && doc.contextType === 'meeting' && !alongside) {
    throw new InvalidState(
      'minutes_flow',
      'Meeting minutes are finalised, reopened and closed from the meeting’s minutes',
    );
  }
  const step = transition(doc.status, action);
  if (!step) throw new InvalidState('illegal_transition', `A ${doc.status} document cannot be ${action}ed`);
  // The version is taken before the status changes, so it records exactly what was submitted or finalised.
  const version = await createVersion(svc, ctx, documentId, step.versionName, step.version);
  const notices = await inTransaction(svc, async (tx) => {
    const changed = await tx.document.updateMany({
      where: { id: documentId, status: doc.status },
      data: { status: step.to, reviewMode: step.reviewMode, updatedAt: ctx.at },
    });
    if (changed.count !== 1)
      throw new InvalidState('concurrent_change', 'The document changed meanwhile; reload and try again');
    await recordAudit(tx, ctx, {
      action: `document.${action}`,
      resourceType: 'document',
      resourceId: documentId,
      detail: { from: doc.status, to: step.to, versionId: version.id, contentHash: version.contentHash },
    });
    const recipients = new Set(doc.shares.filter((s) => s.granteeType === 'user').map((s) => s.granteeId));
    recipients.add(doc.ownerId);
    recipients.delete(ctx.actor?.id ?? '');
    const own = await svc.notifications.create(
      tx,
      [...recipients].map((userId) =>
        notice(userId, `document.${action}` as const, { document: doc.title, note }, `/documents/${documentId}`, {
          kind: 'document',
          id: documentId,
        }),
      ),
      ctx.at,
    );
    return alongside
      ? [...own, ...(await alongside(tx, { versionId: version.id, contentHash: version.contentHash }))]
      : own;
  });
  await svc.notifications.publish(notices);
  await svc.collab.refreshAccess(documentId);
  return { status: step.to, versionId: version.id };
}
