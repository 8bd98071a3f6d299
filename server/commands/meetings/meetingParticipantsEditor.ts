// Replaces who is invited (people and whole units): people who stay keep their reply and sign-in, newcomers are
// checked for clearance and clashes and notified, people taken off the list are told.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { meetingNotice } from '../../notifications/meetingNotices.ts';
import { broadcastRsvp } from '../../notifications/meetingBroadcasts.ts';
import type { Services } from '../../services.ts';
import { announce } from '../../notifications/announce.ts';
import {
  findParticipantClashes,
  requireClashesAccepted,
  type ClashView,
} from '../../queries/meetings/participantClashes.ts';
import { loadMeetingForChange } from '../../queries/meetings/meetingForChange.ts';
import { planSeats, type Invitation, type SeatPlan } from '../../queries/meetings/seatPlan.ts';
import { requireTransition } from '../../domain/meetings/meetingChecks.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface ParticipantsOutcome {
  added: number;
  removed: number;
  clashes: ClashView[];
  excluded: SeatPlan['excluded'];
}

export async function setParticipants(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
  invitation: Invitation,
  options: { acceptClashes: boolean },
): Promise<ParticipantsOutcome> {
  const { outcome, created, classification } = await inTransaction(svc, async (tx) => {
    const m = await loadMeetingForChange(tx, meetingId);
    requireTransition(m.status, 'edit');
    const plan = await planSeats(tx, invitation, m, m.classification);
    const planned = new Map(plan.seats.map((s) => [s.userId, s]));
    // A substitute stays as long as the colleague they stand in for does.
    const isKeptSubstitute = (p: (typeof m.participants)[number]) =>
      p.substituteForId !== null && m.participants.some((o) => o.id === p.substituteForId && planned.has(o.userId));
    const removed = m.participants.filter((p) => !planned.has(p.userId) && !isKeptSubstitute(p));
    const added = plan.seats.filter((s) => !m.participants.some((p) => p.userId === s.userId));

    await tx.meetingParticipant.deleteMany({ where: { id: { in: removed.map((p) => p.id) } } });
    for (const p of m.participants) {
      const seat = planned.get(p.userId);
      if (seat && (seat.role !== p.role || seat.viaUnitId !== p.viaUnitId))
        await tx.meetingParticipant.update({
          where: { id: p.id },
          data: { role: seat.role, viaUnitId: seat.viaUnitId },
        });
    }
    await tx.meetingParticipant.createMany({
      data: added.map((s) => ({
        meetingId,
        userId: s.userId,
        role: s.role,
        viaUnitId: s.viaUnitId,
        createdAt: ctx.at,
      })),
    });
    await tx.meetingUnitInvite.deleteMany({ where: { meetingId } });
    await tx.meetingUnitInvite.createMany({
      data: invitation.units.map((u) => ({ meetingId, unitId: u.unitId, role: u.role })),
    });

    const announced = m.status !== 'draft';
    const clashes = announced
      ? await findParticipantClashes(tx, subject, {
          meetingId,
          start: m.startAt,
          end: m.endAt,
          userIds: added.map((s) => s.userId),
        })
      : [];
    requireClashesAccepted(clashes, options.acceptClashes);
    const clashing = new Set(clashes.map((c) => c.userId));
    const created = announced
      ? await svc.notifications.create(
          tx,
          [
            ...added
              .filter((s) => s.userId !== subject.id)
              .map((s) => meetingNotice(s.userId, 'meeting.scheduled', m, { clash: clashing.has(s.userId) })),
            ...removed
              .filter((p) => p.userId !== subject.id)
              .map((p) => meetingNotice(p.userId, 'meeting.uninvited', m)),
          ],
          ctx.at,
        )
      : [];
    await tx.meeting.update({ where: { id: meetingId }, data: { updatedAt: ctx.at } });
    await recordAudit(tx, ctx, {
      action: 'meeting.participants',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: {
        added: added.map((s) => s.userId),
        removed: removed.map((p) => p.userId),
        units: invitation.units.map((u) => u.unitId),
        excludedForClearance: plan.excluded.map((e) => e.userId),
        clashesAccepted: clashes.map((c) => c.userId),
      },
    });
    return {
      outcome: { added: added.length, removed: removed.length, clashes, excluded: plan.excluded },
      created,
      classification: m.classification,
    };
  });
  await announce(svc, created, classification);
  await broadcastRsvp(svc, meetingId);
  return outcome;
}
