// A supervisor drops a proposal that is not a task (a decision recorded, a duty already in hand). It stays on record
// as dropped, so closing the minutes again does not bring it back.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { loadForReview } from '../../queries/minutes/proposalsForReview.ts';
import { requirePending } from '../../domain/minutes/proposalFields.ts';

export async function dropProposal(svc: Services, ctx: RequestContext, subject: Subject, id: string): Promise<void> {
  await inTransaction(svc, async (tx) => {
    const [proposal] = await loadForReview(tx, subject, [id]);
    requirePending(proposal!);
    await tx.taskProposal.update({ where: { id }, data: { status: 'dropped', editedAt: ctx.at, updatedAt: ctx.at } });
    await recordAudit(tx, ctx, { action: 'proposal.drop', resourceType: 'task_proposal', resourceId: id });
  });
}
