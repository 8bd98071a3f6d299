// Read-side queries of the meeting routes: the calendar lists (with clash flags for the caller) and the clash
// preview the scheduling form shows while the organiser fills it in.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Subject } from '../../auth/subject.ts';
import { findParticipantClashes } from '../../queries/meetings/participantClashes.ts';
import { loadPeople } from '../../queries/meetings/meetingPeople.ts';
import { planSeats } from '../../queries/meetings/seatPlan.ts';
import { requireValidRange } from '../../domain/meetings/meetingChecks.ts';
import { overlappingPairs } from '../../domain/meetings/clashes.ts';
import { calendarRange, isTimeZone, localDate } from '../../domain/meetings/localTime.ts';
import type { RsvpState } from '../../domain/meetings/vocabulary.ts';
import { classificationLevel, classificationOfLevel } from '../../domain/roles.ts';
import { BadRequest, Forbidden } from '../../errors.ts';
import { can } from '../../policies/index.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import { presentMeetingSummary } from '../../presenters/meeting.ts';
import type { clashCheckBody, clashCheckResult, listBody, listQuery } from './schema.ts';

export function rangeFor(query: { view: 'day' | 'week' | 'month'; date?: string | undefined; timeZone: string }, now: Date): { from: Date; to: Date } {
  if (!isTimeZone(query.timeZone)) throw new BadRequest('invalid_time_zone', `Unknown time zone ${query.timeZone}`);
  try {
    return calendarRange(query.date ?? localDate(now, query.timeZone), query.view, query.timeZone);
  } catch (err) {
    if (err instanceof RangeError) throw new BadRequest('invalid_date', `Not a calendar date: ${query.date}`);
    throw err;
  }
}

const OCCUPYING = ['scheduled', 'in_progress'];

export async function listMeetings(app: FastifyInstance, subject: Subject, query: z.infer<typeof listQuery>): Promise<z.infer<typeof listBody>> {
  const { db, clock } = app.svc;
  const { from, to } = rangeFor(query, clock.now());
  const result = { from: from.toISOString(), to: to.toISOString(), items: [] as z.infer<typeof listBody>['items'] };
  if (subject.adminRole !== null) return result;
  const me = subject.id;
  const reasons = {
    mine: [{ createdById: me }, { hostId: me }, { minuteTakerId: me }, { participants: { some: { userId: me } } }],
    unit: [{ organiserUnitId: subject.unitId }],
    organised: [{ createdById: me }, { hostId: me }, ...(subject.roles.includes('clerk') ? [{ organiserUnitId: subject.unitId }] : [])],
  }[query.scope];
  const rows = await db.meeting.findMany({
    where: { startAt: { lt: to }, endAt: { gt: from }, classification: { lte: subject.clearance }, OR: reasons, ...(query.status ? { status: query.status } : {}) },
    select: {
      ...meetingFactsSelect(me), title: true, type: true, customType: true, mode: true, startAt: true, endAt: true, timeZone: true,
      organiserUnit: { select: { id: true, name: true } }, room: { select: { id: true, name: true, location: true } },
      participants: { where: { userId: me }, select: { role: true, rsvp: true } },
    },
    orderBy: { startAt: 'asc' },
    take: 1000,
  });
  // Clash flags come from all of my own commitments in the range, whichever list is shown.
  const mine = await db.meetingParticipant.findMany({
    where: { userId: me, rsvp: { notIn: ['leave', 'absent'] }, meeting: { status: { in: OCCUPYING }, startAt: { lt: to }, endAt: { gt: from } } },
    select: { meeting: { select: { id: true, startAt: true, endAt: true } } },
  });
  const clashes = overlappingPairs(mine.map((p) => ({ id: p.meeting.id, start: p.meeting.startAt, end: p.meeting.endAt })));
  for (const row of rows) {
    if (!can(subject, 'meeting.view', meetingResource(row))) continue;
    const seat = row.participants[0];
    const role = row.createdById === me ? 'organiser' : row.hostId === me ? 'host' : row.minuteTakerId === me ? 'minute_taker' : seat?.role ?? null;
    result.items.push(presentMeetingSummary(row, { rsvp: (seat?.rsvp as RsvpState | undefined) ?? null, role, clashesWith: clashes.get(row.id) ?? [] }));
  }
  return result;
}

export async function clashCheck(app: FastifyInstance, subject: Subject, body: z.infer<typeof clashCheckBody>): Promise<z.infer<typeof clashCheckResult>> {
  const { db, clock } = app.svc;
  const start = new Date(body.startAt);
  const end = new Date(body.endAt);
  requireValidRange({ start, end }, clock.now());
  const level = classificationLevel(body.classification);
  if (level > subject.clearance) throw new Forbidden('clearance', 'You are not cleared for this classification');

  // People named one by one who are not cleared are reported, not refused: the form shows them before submitting.
  const leads = [body.hostId, body.minuteTakerId].filter((id): id is string => id !== null);
  const named = await loadPeople(db, [...body.participants.users.map((u) => u.userId), ...leads]);
  const notCleared = [...named.values()].filter((p) => p.clearance < level);
  const ok = (id: string | null) => (id && !notCleared.some((p) => p.id === id) ? id : null);
  const plan = await planSeats(db, { units: body.participants.units, users: body.participants.users.filter((u) => ok(u.userId)) }, { hostId: ok(body.hostId), minuteTakerId: ok(body.minuteTakerId) }, level);

  let room: z.infer<typeof clashCheckResult>['room'] = null;
  if (body.roomId) {
    const bookings = await db.roomBooking.findMany({
      where: { roomId: body.roomId, startAt: { lt: end }, endAt: { gt: start }, ...(body.meetingId ? { meetingId: { not: body.meetingId } } : {}) },
      select: { startAt: true, endAt: true, meeting: { select: { ...meetingFactsSelect(subject.id), title: true } } },
      orderBy: { startAt: 'asc' },
    });
    room = {
      free: bookings.length === 0,
      bookings: bookings.map((b) => ({ startAt: b.startAt.toISOString(), endAt: b.endAt.toISOString(), title: can(subject, 'meeting.view', meetingResource(b.meeting)) ? b.meeting.title : null })),
    };
  }
  const clashes = await findParticipantClashes(db, subject, { meetingId: body.meetingId ?? null, start, end, userIds: plan.seats.map((s) => s.userId) });
  return {
    room, clashes, excluded: plan.excluded, seats: plan.seats.length,
    notCleared: notCleared.map((p) => ({ id: p.id, displayName: p.displayName, clearance: classificationOfLevel(p.clearance) })),
  };
}
