// Replies and sign-in as the organiser and the host see them: each seat's state, and counts per unit. Pure.

import type { RsvpState } from './vocabulary.ts';

/** Signing in more than this after the start counts as late. */
export const LATE_AFTER_MS = 5 * 60_000;
/** Sign-in opens this long before the start (people arrive early) and closes at the end. */
export const SIGN_IN_OPENS_BEFORE_MS = 30 * 60_000;

export type AttendanceState = 'present' | 'late' | 'leave' | 'absent' | 'expected';

export interface SeatFacts {
  userId: string;
  unitId: string;
  unitName: string;
  rsvp: RsvpState;
  signedInAt: Date | null;
}

export function attendanceState(seat: Pick<SeatFacts, 'rsvp' | 'signedInAt'>, start: Date, now: Date): AttendanceState {
  if (seat.signedInAt) return seat.signedInAt.getTime() > start.getTime() + LATE_AFTER_MS ? 'late' : 'present';
  if (seat.rsvp === 'leave') return 'leave';
  if (seat.rsvp === 'absent') return 'absent';
  // Not signed in and no reply saying why: expected until the grace period is over, absent after.
  return now.getTime() > start.getTime() + LATE_AFTER_MS ? 'absent' : 'expected';
}

export type SignInProblem = 'sign_in_not_open' | 'sign_in_closed' | 'meeting_not_active';

export function signInProblem(meeting: { status: string; start: Date; end: Date }, now: Date): SignInProblem | null {
  if (meeting.status !== 'scheduled' && meeting.status !== 'in_progress') return 'meeting_not_active';
  if (now.getTime() < meeting.start.getTime() - SIGN_IN_OPENS_BEFORE_MS) return 'sign_in_not_open';
  if (now.getTime() >= meeting.end.getTime()) return 'sign_in_closed';
  return null;
}

type Counts<K extends string> = Record<K, number> & { total: number };

export interface UnitCounts<K extends string> {
  unitId: string;
  unitName: string;
  counts: Counts<K>;
}

export interface Summary<K extends string> {
  counts: Counts<K>;
  byUnit: Array<UnitCounts<K>>;
}

function summarise<K extends string>(
  keys: readonly K[],
  seats: readonly SeatFacts[],
  stateOf: (s: SeatFacts) => K,
): Summary<K> {
  const empty = (): Counts<K> =>
    Object.assign({ total: 0 }, Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>);
  const counts = empty();
  const units = new Map<string, UnitCounts<K>>();
  for (const seat of seats) {
    const state = stateOf(seat);
    let unit = units.get(seat.unitId);
    if (!unit) {
      unit = { unitId: seat.unitId, unitName: seat.unitName, counts: empty() };
      units.set(seat.unitId, unit);
    }
    counts[state]++;
    counts.total++;
    unit.counts[state]++;
    unit.counts.total++;
  }
  return { counts, byUnit: [...units.values()] };
}

export const RSVP_STATES = ['attend', 'leave', 'absent', 'pending'] as const satisfies readonly RsvpState[];
export const ATTENDANCE_STATES = [
  'present',
  'late',
  'leave',
  'absent',
  'expected',
] as const satisfies readonly AttendanceState[];

/** Replies per state and per unit, for the organiser's live view. */
export function rsvpSummary(seats: readonly SeatFacts[]): Summary<RsvpState> {
  return summarise(RSVP_STATES, seats, (s) => s.rsvp);
}

/** Sign-in per state and per unit, for the host. */
export function attendanceSummary(seats: readonly SeatFacts[], start: Date, now: Date): Summary<AttendanceState> {
  return summarise(ATTENDANCE_STATES, seats, (s) => attendanceState(s, start, now));
}
