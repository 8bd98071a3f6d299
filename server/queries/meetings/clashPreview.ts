// The clash preview the scheduling form shows while the organiser fills it in: is the room free, who has another
// meeting then, who is left out or not cleared. Nothing is refused for people here; the form shows them first.
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { requireValidRange } from '../../domain/meetings/meetingChecks.ts';
import type { ParticipantRole } from '../../domain/meetings/vocabulary.ts';
import { classificationLevel, classificationOfLevel, type Classification } from '../../domain/roles.ts';
import { authorize, can, classificationResource } from '../../policies/index.ts';
import { clearedFor } from '../../policies/predicates.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import { loadPeople } from './meetingPeople.ts';
import { findParticipantClashes, type ClashView } from './participantClashes.ts';
import { planSeats, type SeatPlan } from './seatPlan.ts';

export interface ClashPreviewInput {
  meetingId?: string | undefined;
  startAt: string;
  endAt: string;
  roomId: string | null;
  classification: Classification;
  hostId: string | null;
  minuteTakerId: string | null;
  participants: {
    users: Array<{ userId: string; role: ParticipantRole }>;
    units: Array<{ unitId: string; role: ParticipantRole }>;
  };
}

export interface ClashPreview {
  room: { free: boolean; bookings: Array<{ startAt: string; endAt: string; title: string | null }> } | null;
  clashes: ClashView[];
  notCleared: Array<{ id: string; displayName: string; clearance: Classification }>;
  excluded: SeatPlan['excluded'];
  seats: number;
}

export async function clashCheck(db: Db, subject: Subject, body: ClashPreviewInput, now: Date): Promise<ClashPreview> {
  const start = new Date(body.startAt);
  const end = new Date(body.endAt);
  requireValidRange({ start, end }, now);
  const level = classificationLevel(body.classification);
  authorize(subject, 'classification.assign', classificationResource(level));

  // People named one by one who are not cleared are reported, not refused: the form shows them before submitting.
  const leads = [body.hostId, body.minuteTakerId].filter((id): id is string => id !== null);
  const named = await loadPeople(db, [...body.participants.users.map((u) => u.userId), ...leads]);
  const notCleared = [...named.values()].filter((p) => !clearedFor(p, level));
  const ok = (id: string | null) => (id && !notCleared.some((p) => p.id === id) ? id : null);
  const plan = await planSeats(
    db,
    { units: body.participants.units, users: body.participants.users.filter((u) => ok(u.userId)) },
    { hostId: ok(body.hostId), minuteTakerId: ok(body.minuteTakerId) },
    level,
  );

  let room: ClashPreview['room'] = null;
  if (body.roomId) {
    const bookings = await db.roomBooking.findMany({
      where: {
        roomId: body.roomId,
        startAt: { lt: end },
        endAt: { gt: start },
        ...(body.meetingId ? { meetingId: { not: body.meetingId } } : {}),
      },
      select: { startAt: true, endAt: true, meeting: { select: { ...meetingFactsSelect(subject.id), title: true } } },
      orderBy: { startAt: 'asc' },
    });
    room = {
      free: bookings.length === 0,
      bookings: bookings.map((b) => ({
        startAt: b.startAt.toISOString(),
        endAt: b.endAt.toISOString(),
        title: can(subject, 'meeting.view', meetingResource(b.meeting)) ? b.meeting.title : null,
      })),
    };
  }
  const clashes = await findParticipantClashes(db, subject, {
    meetingId: body.meetingId ?? null,
    start,
    end,
    userIds: plan.seats.map((s) => s.userId),
  });
  return {
    room,
    clashes,
    excluded: plan.excluded,
    seats: plan.seats.length,
    notCleared: notCleared.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      clearance: classificationOfLevel(p.clearance),
    })),
  };
}
