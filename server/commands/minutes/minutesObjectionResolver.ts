// An objection is answered (what was changed, or why nothing needed to be) by the minute-taker who wrote the text or
// by the host who signs it (policies: minutes.resolve). Changing the text itself means reopening the minutes; the
// answer records the outcome either way, and the host may close once every objection has one. Who answered, and in
// which capacity, is audited; the objector is told, the minute-taker too when someone else answered, and the host once
// nothing is left open.
import type { MINUTES_ROLES } from '../../../common/notifications/catalogue.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { openObjections, type ConfirmationState } from '../../domain/minutes/minutesFlow.ts';
import { InvalidState, NotFound } from '../../errors.ts';
import { notice, type NewNotification } from '../../notifications/notificationHub.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { announceMinutes, minutesAbout, minutesLink } from '../../notifications/minutesBroadcasts.ts';
import { loadMinutes } from '../../queries/minutes/minutesRecord.ts';
import { requireStep } from '../../domain/minutes/minutesStep.ts';

/** In which capacity someone answers: the policy lets organisers stand in for a meeting without a minute-taker or host. */
export type ResolverRole = (typeof MINUTES_ROLES)[number];

export function resolverRole(
  actorId: string,
  meeting: { hostId: string | null; minuteTakerId: string | null },
): ResolverRole {
  if (actorId === meeting.minuteTakerId) return 'minute_taker';
  if (actorId === meeting.hostId) return 'host';
  return 'organiser';
}

export async function resolveObjection(
  svc: Services,
  ctx: RequestContext,
  meetingId: string,
  userId: string,
  resolution: string,
): Promise<void> {
  const answer = resolution.trim();
  const actorId = ctx.actor?.id ?? '';
  const { notices, round, status } = await inTransaction(svc, async (tx) => {
    const minutes = await loadMinutes(tx, meetingId);
    requireStep(minutes, 'resolve');
    const objection = minutes.confirmations.find((c) => c.userId === userId && c.round === minutes.round);
    if (!objection) throw new NotFound('confirmation');
    if (objection.state !== 'objected')
      throw new InvalidState('not_objected', 'This attendee has not objected to the minutes');
    // Two people may now answer the same objection; the first answer stands and the second is told, not overwritten.
    if (objection.resolution !== null)
      throw new InvalidState(
        'objection_resolved',
        'This objection has been answered already; reload to see the answer',
      );
    const changed = await tx.minutesConfirmation.updateMany({
      where: { meetingId, userId, round: minutes.round, state: 'objected', resolution: null },
      data: { resolution: answer, resolvedById: actorId || null, resolvedAt: ctx.at },
    });
    if (changed.count !== 1)
      throw new InvalidState('concurrent_change', 'The minutes changed meanwhile; reload and try again');
    const meeting = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { title: true, hostId: true, minuteTakerId: true },
    });
    const role = resolverRole(actorId, meeting);
    await recordAudit(tx, ctx, {
      action: 'minutes.resolve_objection',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { userId, round: minutes.round, role },
    });

    const link = minutesLink(minutes.documentId);
    const about = minutesAbout(meetingId);
    const items: NewNotification[] = [
      notice(userId, 'minutes.objection_resolved', { meeting: meeting.title, resolution: answer }, link, about),
    ];
    if (meeting.minuteTakerId && meeting.minuteTakerId !== actorId) {
      items.push(
        notice(
          meeting.minuteTakerId,
          'minutes.objection_resolved_by_other',
          { meeting: meeting.title, role, resolver: actorId, objector: userId, resolution: answer },
          link,
          about,
        ),
      );
    }
    const after = minutes.confirmations
      .filter((c) => c.round === minutes.round)
      .map((c) => ({
        userId: c.userId,
        state: c.state as ConfirmationState,
        resolution: c.userId === userId ? answer : c.resolution,
      }));
    const ready = after.every((c) => c.state !== 'pending') && openObjections(after).length === 0;
    if (ready && meeting.hostId && meeting.hostId !== actorId) {
      items.push(notice(meeting.hostId, 'minutes.ready_to_close', { meeting: meeting.title }, link, about));
    }
    return { notices: await svc.notifications.create(tx, items, ctx.at), round: minutes.round, status: minutes.status };
  });
  await svc.notifications.publish(notices);
  await announceMinutes(svc, meetingId, status, round);
}
