// An attendee confirms the finalised minutes or objects with a comment. Objections go to the minute-taker at once;
// when everyone asked has answered and nothing is left open, the host is told the minutes can be closed. Answering
// again replaces the earlier answer (and any resolution of it) while the round is open.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import {
  answerProblem,
  openObjections,
  type Answer,
  type ConfirmationState,
} from '../../domain/minutes/minutesFlow.ts';
import { BadRequest, Forbidden } from '../../errors.ts';
import { notice, type NewNotification } from '../../notifications/notificationHub.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { announceMinutes, minutesAbout, minutesLink } from '../../notifications/minutesBroadcasts.ts';
import { loadMinutes } from '../../queries/minutes/minutesRecord.ts';
import { requireStep } from '../../domain/minutes/minutesStep.ts';

export async function answerMinutes(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
  answer: Answer,
): Promise<{ state: ConfirmationState }> {
  if (answerProblem(answer))
    throw new BadRequest('comment_required', 'Say what is wrong with the minutes when objecting');
  const state: ConfirmationState = answer.decision === 'confirm' ? 'confirmed' : 'objected';
  const { notices, round, status } = await inTransaction(svc, async (tx) => {
    const minutes = await loadMinutes(tx, meetingId);
    requireStep(minutes, 'confirm');
    const mine = minutes.confirmations.find((c) => c.userId === subject.id && c.round === minutes.round);
    if (!mine) throw new Forbidden('confirmation_not_requested', 'Your confirmation was not asked for these minutes');
    const comment = answer.comment?.trim() || null;
    await tx.minutesConfirmation.update({
      where: { meetingId_userId: { meetingId, userId: subject.id } },
      data: { state, comment, respondedAt: ctx.at, resolution: null, resolvedById: null, resolvedAt: null },
    });
    await recordAudit(tx, ctx, {
      action: answer.decision === 'confirm' ? 'minutes.confirm' : 'minutes.object',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { round: minutes.round },
    });
    const meeting = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { title: true, hostId: true, minuteTakerId: true },
    });
    const after = minutes.confirmations
      .filter((c) => c.round === minutes.round)
      .map((c) =>
        c.userId === subject.id
          ? { userId: c.userId, state, resolution: null }
          : { userId: c.userId, state: c.state as ConfirmationState, resolution: c.resolution },
      );
    const items: NewNotification[] = [];
    if (state === 'objected' && meeting.minuteTakerId) {
      items.push(
        notice(
          meeting.minuteTakerId,
          'minutes.objection',
          { meeting: meeting.title, person: subject.id, comment: comment ?? '' },
          minutesLink(minutes.documentId),
          minutesAbout(meetingId),
        ),
      );
    }
    const allAnswered = after.every((c) => c.state !== 'pending') && openObjections(after).length === 0;
    if (allAnswered && meeting.hostId) {
      items.push(
        notice(
          meeting.hostId,
          'minutes.ready_to_close',
          { meeting: meeting.title },
          minutesLink(minutes.documentId),
          minutesAbout(meetingId),
        ),
      );
    }
    return { notices: await svc.notifications.create(tx, items, ctx.at), round: minutes.round, status: minutes.status };
  });
  await svc.notifications.publish(notices);
  await announceMinutes(svc, meetingId, status, round);
  // Answered: the confirmation leaves the person's 待办 on their other screens.
  svc.notifications.nudgeTodo([subject.id]);
  return { state };
}
