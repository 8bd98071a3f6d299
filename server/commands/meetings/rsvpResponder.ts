// A participant's reply (参会回执): attend, leave (请假, with a reason and optionally a substitute from their own unit),
// or absent. The organiser's live counts follow at once; a substitute is invited and told, and released again when
// the reply changes.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { RsvpAnswer } from '../../domain/meetings/vocabulary.ts';
import { BadRequest, Conflict, Forbidden, InvalidState } from '../../errors.ts';
import { meetingNotice } from '../../notifications/meetingNotices.ts';
import { broadcastRsvp } from '../../notifications/meetingBroadcasts.ts';
import type { NewNotification } from '../../notifications/notificationHub.ts';
import type { Services } from '../../services.ts';
import { announce } from '../../notifications/announce.ts';
import { findParticipantClashes } from '../../queries/meetings/participantClashes.ts';
import { loadMeetingForChange } from '../../queries/meetings/meetingForChange.ts';
import { loadPeople, requireCleared } from '../../queries/meetings/meetingPeople.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface RsvpInput {
  answer: RsvpAnswer;
  reason: string | null;
  substituteId: string | null;
}

export interface RsvpOutcome {
  answer: RsvpAnswer;
  substitute: { userId: string; displayName: string } | null;
}

export async function answerRsvp(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
  input: RsvpInput,
): Promise<RsvpOutcome> {
  const reason = input.reason?.trim() || null;
  if (input.answer === 'leave' && !reason)
    throw new BadRequest('reason_required', 'Give a reason for the leave request');
  if (input.substituteId && input.answer !== 'leave')
    throw new BadRequest('substitute_needs_leave', 'A substitute can only be named with a leave request');
  if (input.substituteId === subject.id) throw new BadRequest('substitute_self', 'You cannot stand in for yourself');

  const { outcome, created, classification } = await inTransaction(svc, async (tx) => {
    const m = await loadMeetingForChange(tx, meetingId);
    if (m.status !== 'scheduled') throw new InvalidState('rsvp_closed', 'Replies are taken until the meeting starts');
    const seat = m.participants.find((p) => p.userId === subject.id);
    if (!seat) throw new Forbidden('not_a_participant', 'You are not invited to this meeting');
    const notices: NewNotification[] = [];

    const current = m.participants.find((p) => p.substituteForId === seat.id) ?? null;
    const keep = current !== null && current.userId === input.substituteId;
    if (current && !keep) {
      await tx.meetingParticipant.delete({ where: { id: current.id } });
      notices.push(meetingNotice(current.userId, 'meeting.substitute_released', m, { personId: subject.id }));
    }
    let substitute: RsvpOutcome['substitute'] = keep ? { userId: current.userId, displayName: '' } : null;
    if (input.substituteId && !keep) {
      const person = (await loadPeople(tx, [input.substituteId])).get(input.substituteId)!;
      if (person.unitId !== subject.unitId)
        throw new BadRequest('substitute_other_unit', 'A substitute must come from your own unit');
      requireCleared([person], m.classification);
      if (m.participants.some((p) => p.userId === person.id))
        throw new Conflict('already_participant', `${person.displayName} is already invited to this meeting`);
      await tx.meetingParticipant.create({
        data: { meetingId, userId: person.id, role: seat.role, substituteForId: seat.id, createdAt: ctx.at },
      });
      const clash =
        (await findParticipantClashes(tx, subject, { meetingId, start: m.startAt, end: m.endAt, userIds: [person.id] }))
          .length > 0;
      notices.push(meetingNotice(person.id, 'meeting.substitute', m, { personId: subject.id, clash }));
      substitute = { userId: person.id, displayName: person.displayName };
    }
    if (substitute && !substitute.displayName) {
      substitute.displayName = (
        await tx.user.findUniqueOrThrow({ where: { id: substitute.userId }, select: { displayName: true } })
      ).displayName;
    }

    await tx.meetingParticipant.update({
      where: { id: seat.id },
      data: { rsvp: input.answer, rsvpReason: input.answer === 'attend' ? null : reason, rsvpAt: ctx.at },
    });
    if (input.answer === 'leave' && m.createdById !== subject.id)
      notices.push(
        meetingNotice(m.createdById, 'meeting.leave_requested', m, { personId: subject.id, reason: reason ?? '' }),
      );
    const created = await svc.notifications.create(tx, notices, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'meeting.rsvp',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: {
        answer: input.answer,
        substituteId: substitute?.userId ?? null,
        releasedSubstituteId: current && !keep ? current.userId : null,
      },
    });
    return { outcome: { answer: input.answer, substitute }, created, classification: m.classification };
  });
  await announce(svc, created, classification);
  await broadcastRsvp(svc, meetingId);
  // The reply is no longer owed: the person's other screens drop it from their 待办.
  svc.notifications.nudgeTodo([subject.id]);
  return outcome;
}
