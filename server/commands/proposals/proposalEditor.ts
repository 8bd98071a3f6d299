// A supervisor corrects a pending proposal's fields (title, text, units, people, deadline). From then on closing the
// minutes again leaves it as the supervisor made it.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { checkDirectoryIds } from '../../queries/users/directoryIds.ts';
import { loadForReview } from '../../queries/minutes/proposalsForReview.ts';
import {
  requirePending,
  storedFields,
  withoutFields,
  type ProposalFields,
} from '../../domain/minutes/proposalFields.ts';

export async function editProposal(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  patch: Partial<ProposalFields>,
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    const [proposal] = await loadForReview(tx, subject, [id]);
    requirePending(proposal!);
    await checkDirectoryIds(tx, patch);
    const stored = await tx.taskProposal.findUniqueOrThrow({ where: { id }, select: { confidence: true } });
    await tx.taskProposal.update({
      where: { id },
      data: {
        ...storedFields(patch),
        confidence: withoutFields(stored.confidence, Object.keys(patch)),
        editedAt: ctx.at,
        updatedAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'proposal.edit',
      resourceType: 'task_proposal',
      resourceId: id,
      detail: { fields: Object.keys(patch) },
    });
  });
}
