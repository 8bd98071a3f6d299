// A supervisor adds a proposal the minutes did not yield (an item phrased so the extractor missed it), for a meeting
// whose minutes exist, optionally anchored to one of its decision items.
import { randomUUID } from 'node:crypto';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { NotFound } from '../../errors.ts';
import { concealed } from '../../policies/index.ts';
import { canReviewProposal } from '../../policies/minutes.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { authorizeReview } from '../../queries/minutes/proposalsForReview.ts';
import { checkDirectoryIds } from '../../queries/users/directoryIds.ts';
import { storedFields, type ProposalFields } from '../../domain/minutes/proposalFields.ts';

export async function addProposal(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
  fields: ProposalFields & { decisionId: string | null },
): Promise<{ id: string }> {
  authorizeReview(subject);
  return inTransaction(svc, async (tx) => {
    const minutes = await tx.meetingMinutes.findUnique({ where: { meetingId } });
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { classification: true } });
    if (!minutes || !meeting) throw new NotFound('minutes');
    if (!canReviewProposal(subject, meeting.classification)) {
      const hidden = {
        what: 'minutes',
        resourceType: 'meeting',
        id: meetingId,
        classification: meeting.classification,
      };
      throw concealed(subject, hidden, 'proposal.add');
    }
    await checkDirectoryIds(tx, fields);
    const last = await tx.taskProposal.findFirst({
      where: { meetingId },
      orderBy: { position: 'desc' },
      select: { position: true },
    });
    const { decisionId, ...rest } = fields;
    const row = await tx.taskProposal.create({
      data: {
        meetingId,
        minutesDocumentId: minutes.documentId,
        decisionId,
        sourceKey: `manual:${randomUUID()}`,
        origin: 'manual',
        position: (last?.position ?? 0) + 1,
        classification: meeting.classification,
        status: 'pending',
        editedAt: ctx.at,
        createdAt: ctx.at,
        updatedAt: ctx.at,
        title: rest.title.trim(),
        sourceText: rest.sourceText,
        ...storedFields(rest),
      },
    });
    await recordAudit(tx, ctx, {
      action: 'proposal.add',
      resourceType: 'task_proposal',
      resourceId: row.id,
      detail: { meetingId },
    });
    return { id: row.id };
  });
}
