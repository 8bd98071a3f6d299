// Steps the meeting commands share: state and time checks, who is invited (users and whole units), clearance, the
// room booking, participant clashes, and announcing committed notices. Everything here runs inside the caller's
// transaction except announce(), which runs after the commit.
import { randomBytes, randomInt } from 'node:crypto';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { participantClashes } from '../../domain/meetings/clashes.ts';
import { isMeetingStatus, transition, type MeetingEvent, type MeetingStatus } from '../../domain/meetings/meetingStatus.ts';
import { rangeProblem, type RangeProblem, type TimeRange } from '../../domain/meetings/timeRange.ts';
import type { ParticipantRole } from '../../domain/meetings/vocabulary.ts';
import { classificationOfLevel } from '../../domain/roles.ts';
import { BadRequest, Conflict, InvalidState, NotFound } from '../../errors.ts';
import { can } from '../../policies/index.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import type { NotificationView } from '../../presenters/notification.ts';
import type { Services } from '../../services.ts';

export function requireTransition(status: string, event: MeetingEvent): MeetingStatus {
  if (!isMeetingStatus(status)) throw new Error(`unknown meeting status ${status}`);
  const result = transition(status, event);
  if (!result.ok) throw new InvalidState(result.code, result.message);
  return result.to;
}

const RANGE_MESSAGES: Record<RangeProblem, string> = {
  invalid_time: 'The start or the end is not a valid time',
  end_before_start: 'The meeting ends before it starts',
  zero_length: 'The meeting must end after it starts',
  too_long: 'A meeting may last at most three days',
  in_the_past: 'The meeting would start in the past',
};

export function requireValidRange(range: TimeRange, now: Date): void {
  const problem = rangeProblem(range, { now });
  if (problem) throw new BadRequest(problem, RANGE_MESSAGES[problem]);
}

export async function loadMeetingForChange(tx: Tx, meetingId: string) {
  const meeting = await tx.meeting.findUnique({
    where: { id: meetingId },
    include: {
      room: { select: { id: true, name: true, location: true, capacity: true } },
      participants: { select: { id: true, userId: true, role: true, rsvp: true, viaUnitId: true, substituteForId: true, signedInAt: true } },
      unitInvites: true,
      agendaItems: { orderBy: { position: 'asc' } },
    },
  });
  if (!meeting) throw new NotFound('meeting');
  return meeting;
}

export type MeetingForChange = Awaited<ReturnType<typeof loadMeetingForChange>>;

const CLASSIFICATION_NAMES = ['公开', '内部', '秘密', '机密'];

interface PersonRow {
  id: string;
  displayName: string;
  unitId: string;
  clearance: number;
  unit: { name: string };
}

/** The people behind a list of ids: every one must exist, be active and hold a business role. */
export async function loadPeople(tx: Tx, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.user.findMany({
    where: { id: { in: unique } },
    select: { id: true, displayName: true, unitId: true, clearance: true, disabled: true, adminRole: true, unit: { select: { name: true } } },
  });
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw new BadRequest('unknown_user', 'A person on the list does not exist', { ids: missing });
  const unfit = rows.filter((r) => r.disabled || r.adminRole !== null);
  if (unfit.length > 0) {
    throw new BadRequest('invalid_participant', `${unfit.map((r) => r.displayName).join('、')} cannot take part in meetings (disabled or administrator account)`, { ids: unfit.map((r) => r.id) });
  }
  return new Map(rows.map((r) => [r.id, r]));
}

/** Refuses, naming each of them, people not cleared for the meeting's classification. */
export function requireCleared(people: Iterable<PersonRow>, classification: number): void {
  const lacking = [...people].filter((p) => p.clearance < classification);
  if (lacking.length === 0) return;
  throw new BadRequest(
    'participant_clearance',
    `${lacking.map((p) => p.displayName).join('、')} ${lacking.length > 1 ? 'are' : 'is'} not cleared for a ${CLASSIFICATION_NAMES[classification]} (${classificationOfLevel(classification)}) meeting`,
    { classification: classificationOfLevel(classification), users: lacking.map((p) => ({ id: p.id, displayName: p.displayName, clearance: classificationOfLevel(p.clearance) })) },
  );
}

export interface Invitation {
  users: Array<{ userId: string; role: ParticipantRole }>;
  units: Array<{ unitId: string; role: ParticipantRole }>;
}

export interface Seat {
  userId: string;
  role: ParticipantRole;
  viaUnitId: string | null;
}

export interface SeatPlan {
  seats: Seat[];
  /** Members of invited units left out because they are not cleared for the meeting. */
  excluded: Array<{ userId: string; displayName: string; unitId: string; unitName: string }>;
}

/**
 * Resolves an invitation into seats. People named one by one must be cleared (or the whole change is refused);
 * members of an invited unit who are not cleared are left out and reported, so a unit can be invited to a 秘密
 * meeting. The host and the minute-taker always get a seat.
 */
export async function planSeats(tx: Tx, invitation: Invitation, leads: { hostId: string | null; minuteTakerId: string | null }, classification: number): Promise<SeatPlan> {
  const userIds = invitation.users.map((u) => u.userId);
  if (new Set(userIds).size !== userIds.length) throw new BadRequest('duplicate_participant', 'Each person may be invited once');
  const unitIds = invitation.units.map((u) => u.unitId);
  if (new Set(unitIds).size !== unitIds.length) throw new BadRequest('duplicate_unit', 'Each unit may be invited once');

  const named = await loadPeople(tx, [...userIds, ...[leads.hostId, leads.minuteTakerId].filter((id): id is string => id !== null)]);
  requireCleared(named.values(), classification);

  const units = await tx.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true } });
  const unknownUnits = unitIds.filter((id) => !units.some((u) => u.id === id));
  if (unknownUnits.length > 0) throw new BadRequest('unknown_unit', 'An invited unit does not exist', { ids: unknownUnits });
  const members = unitIds.length === 0 ? [] : await tx.user.findMany({
    where: { unitId: { in: unitIds }, disabled: false, adminRole: null },
    select: { id: true, displayName: true, unitId: true, clearance: true, unit: { select: { name: true } } },
    orderBy: { displayName: 'asc' },
  });

  const seats = new Map<string, Seat>();
  const excluded: SeatPlan['excluded'] = [];
  for (const invite of invitation.units) {
    for (const m of members.filter((x) => x.unitId === invite.unitId)) {
      if (m.clearance < classification) excluded.push({ userId: m.id, displayName: m.displayName, unitId: m.unitId, unitName: m.unit.name });
      else seats.set(m.id, { userId: m.id, role: invite.role, viaUnitId: invite.unitId });
    }
  }
  for (const u of invitation.users) seats.set(u.userId, { userId: u.userId, role: u.role, viaUnitId: null });
  for (const id of [leads.hostId, leads.minuteTakerId]) if (id && !seats.has(id)) seats.set(id, { userId: id, role: 'attendee', viaUnitId: null });
  return { seats: [...seats.values()], excluded: excluded.filter((e) => !seats.has(e.userId)) };
}

/**
 * Books the room for the meeting, or moves its booking. Inside the transaction the overlap check and the write are
 * atomic: SQLite runs one write transaction at a time (and the driver adapter serialises this process's
 * transactions), so two clerks booking the same slot at the same moment are answered one after the other and the
 * second sees the first's booking. The trigger in the migration refuses an overlap even if a writer skipped this
 * check. On PostgreSQL the same holds with an exclusion constraint on (roomId, tstzrange(startAt, endAt)), or by
 * locking the room row first (SELECT … FROM "Room" WHERE id = $1 FOR UPDATE) so bookings of one room queue up.
 */
export async function bookRoom(tx: Tx, booking: { meetingId: string; roomId: string; start: Date; end: Date; at: Date }): Promise<{ capacity: number }> {
  const room = await tx.room.findUnique({ where: { id: booking.roomId } });
  if (!room) throw new BadRequest('unknown_room', 'The room does not exist');
  if (!room.active) throw new Conflict('room_inactive', `${room.name} is no longer in use`);
  const clashes = await tx.roomBooking.findMany({
    where: { roomId: booking.roomId, meetingId: { not: booking.meetingId }, startAt: { lt: booking.end }, endAt: { gt: booking.start } },
    orderBy: { startAt: 'asc' },
    select: { startAt: true, endAt: true },
  });
  if (clashes.length > 0) {
    throw new Conflict('room_booked', `${room.name} is already booked at that time`, {
      roomId: room.id, roomName: room.name, bookings: clashes.map((c) => ({ startAt: c.startAt.toISOString(), endAt: c.endAt.toISOString() })),
    });
  }
  try {
    await tx.roomBooking.upsert({
      where: { meetingId: booking.meetingId },
      create: { meetingId: booking.meetingId, roomId: booking.roomId, startAt: booking.start, endAt: booking.end, createdAt: booking.at },
      update: { roomId: booking.roomId, startAt: booking.start, endAt: booking.end },
    });
  } catch (err) {
    if (refusedByTrigger(err, 'room_booking_overlap')) throw new Conflict('room_booked', `${room.name} is already booked at that time`, { roomId: room.id, roomName: room.name, bookings: [] });
    throw err;
  }
  return { capacity: room.capacity };
}

/** A write the database refused with RAISE(ABORT, message) in a trigger (the driver adapter reports it as P2003). */
export function refusedByTrigger(err: unknown, message: string): boolean {
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } } | null)?.meta?.driverAdapterError?.cause;
  return cause?.originalMessage === message || (err instanceof Error && err.message.includes(message));
}

export async function releaseRoom(tx: Tx, meetingId: string): Promise<void> {
  await tx.roomBooking.deleteMany({ where: { meetingId } });
}

export interface ClashView {
  userId: string;
  displayName: string;
  unitName: string;
  /** The other meetings; the title only when the person asking may see that meeting. */
  meetings: Array<{ id: string; title: string | null; startAt: string; endAt: string }>;
}

/** Each person's other meetings at that time (ones they are on leave from, or said they will miss, do not count). */
export async function findParticipantClashes(tx: Tx, subject: Subject, candidate: { meetingId: string | null; start: Date; end: Date; userIds: readonly string[] }): Promise<ClashView[]> {
  if (candidate.userIds.length === 0) return [];
  const rows = await tx.meetingParticipant.findMany({
    where: {
      userId: { in: [...candidate.userIds] },
      rsvp: { notIn: ['leave', 'absent'] },
      meeting: { ...(candidate.meetingId ? { id: { not: candidate.meetingId } } : {}), status: { in: ['scheduled', 'in_progress'] }, startAt: { lt: candidate.end }, endAt: { gt: candidate.start } },
    },
    select: {
      userId: true,
      user: { select: { displayName: true, unit: { select: { name: true } } } },
      meeting: { select: { ...meetingFactsSelect(subject.id), title: true, startAt: true, endAt: true } },
    },
  });
  const clashes = participantClashes(
    { start: candidate.start, end: candidate.end, meetingId: candidate.meetingId },
    candidate.userIds,
    rows.map((r) => ({ userId: r.userId, meetingId: r.meeting.id, start: r.meeting.startAt, end: r.meeting.endAt })),
  );
  return clashes.map((c) => {
    const mine = rows.filter((r) => r.userId === c.userId);
    const person = mine[0]!.user;
    return {
      userId: c.userId,
      displayName: person.displayName,
      unitName: person.unit.name,
      meetings: c.clashes.map((x) => {
        const m = mine.find((r) => r.meeting.id === x.meetingId)!.meeting;
        return { id: m.id, title: can(subject, 'meeting.view', meetingResource(m)) ? m.title : null, startAt: m.startAt.toISOString(), endAt: m.endAt.toISOString() };
      }),
    };
  });
}

/** Refuses a schedule with clashes the organiser has not seen yet; they can look at the list and proceed. */
export function requireClashesAccepted(clashes: ClashView[], accepted: boolean): void {
  if (clashes.length === 0 || accepted) return;
  throw new Conflict('participant_clash', `${clashes.map((c) => c.displayName).join('、')} ${clashes.length > 1 ? 'have' : 'has'} another meeting at that time; send acceptClashes to proceed`, { clashes });
}

/** After the commit: push the notices live and hand them to the other channels. */
export async function announce(svc: Services, created: NotificationView[], classification: number): Promise<void> {
  await svc.notifications.publish(created);
  await svc.notices.deliver(created, classification);
}

/** A numeric passcode for the online part, and the random code in the join link. */
export function newOnlineAccess(): { passcode: string; joinCode: string } {
  const digits = Array.from({ length: PASSCODE_DIGITS }, () => randomInt(10)).join('');
  return { passcode: digits, joinCode: randomBytes(12).toString('base64url') };
}

export const PASSCODE_DIGITS = 6;

export function joinUrl(svc: Services, joinCode: string): string {
  return `${svc.config.publicUrl}/meetings/join/${joinCode}`;
}
