// The minute-taker answers an attendee's objection (what was changed, or why nothing needed to be). Changing the
// text itself means reopening the minutes; the answer records the outcome either way, and the host may close once
// every objection has one.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { InvalidState, NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../transaction.ts';
import { announceMinutes, loadMinutes, minutesLink, requireStep } from './minutesSupport.ts';

export async function resolveObjection(svc: Services, ctx: RequestContext, meetingId: string, userId: string, resolution: string): Promise<void> {
  const { notices, round, status } = await inTransaction(svc, async (tx) => {
    const minutes = await loadMinutes(tx, meetingId);
    requireStep(minutes, 'resolve');
    const objection = minutes.confirmations.find((c) => c.userId === userId && c.round === minutes.round);
    if (!objection) throw new NotFound('confirmation');
    if (objection.state !== 'objected') throw new InvalidState('not_objected', 'This attendee has not objected to the minutes');
    await tx.minutesConfirmation.update({
      where: { meetingId_userId: { meetingId, userId } },
      data: { resolution: resolution.trim(), resolvedById: ctx.actor?.id ?? null, resolvedAt: ctx.at },
    });
    await recordAudit(tx, ctx, { action: 'minutes.resolve_objection', resourceType: 'meeting', resourceId: meetingId, detail: { userId, round: minutes.round } });
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { title: true } });
    const notices = await svc.notifications.create(tx, [{
      userId, kind: 'minutes.objection_resolved', title: `您对会议纪要的意见已处理：${meeting.title}`, body: resolution.trim(), link: minutesLink(minutes.documentId),
    }], ctx.at);
    return { notices, round: minutes.round, status: minutes.status };
  });
  await svc.notifications.publish(notices);
  announceMinutes(svc, meetingId, status, round);
}
