// Clash detection for rooms and people. Pure: the caller loads the candidate bookings and meetings; time zones play
// no part here because every range is a pair of instants (see localTime.ts for turning local times into instants).
import { intersection, overlaps, type TimeRange } from './timeRange.ts';

export interface Booking extends TimeRange {
  roomId: string;
  meetingId: string;
}

/** The bookings of the same room that overlap the candidate (its own booking excluded, so a reschedule may move within it). */
export function roomClashes(
  candidate: TimeRange & { roomId: string; meetingId?: string | null },
  bookings: readonly Booking[],
): Booking[] {
  return bookings
    .filter((b) => b.roomId === candidate.roomId && b.meetingId !== candidate.meetingId && overlaps(b, candidate))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** One of a person's meetings, as the clash check sees it. */
export interface Commitment extends TimeRange {
  userId: string;
  meetingId: string;
}

export interface ParticipantClash {
  userId: string;
  clashes: Array<{ meetingId: string; start: Date; end: Date; overlap: TimeRange }>;
}

/** For each person (in the order given) who already has a meeting overlapping the candidate: those meetings. */
export function participantClashes(
  candidate: TimeRange & { meetingId?: string | null },
  userIds: readonly string[],
  commitments: readonly Commitment[],
): ParticipantClash[] {
  const byUser = new Map<string, Commitment[]>();
  for (const c of commitments) {
    if (c.meetingId === candidate.meetingId) continue;
    const overlap = intersection(c, candidate);
    if (!overlap) continue;
    const list = byUser.get(c.userId) ?? [];
    list.push(c);
    byUser.set(c.userId, list);
  }
  const result: ParticipantClash[] = [];
  for (const userId of new Set(userIds)) {
    const list = byUser.get(userId);
    if (!list) continue;
    const seen = new Set<string>();
    const clashes = list
      .filter((c) => !seen.has(c.meetingId) && seen.add(c.meetingId))
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((c) => ({ meetingId: c.meetingId, start: c.start, end: c.end, overlap: intersection(c, candidate)! }));
    result.push({ userId, clashes });
  }
  return result;
}

/**
 * Within one person's calendar: for each meeting, the other meetings it overlaps (what "clash" flags show).
 * A sweep over the meetings sorted by start, so a long calendar costs O(n log n + clashes).
 */
export function overlappingPairs(items: ReadonlyArray<TimeRange & { id: string }>): Map<string, string[]> {
  const sorted = [...items].sort((a, b) => a.start.getTime() - b.start.getTime());
  const result = new Map<string, string[]>();
  const open: Array<TimeRange & { id: string }> = [];
  for (const item of sorted) {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.end.getTime() <= item.start.getTime()) open.splice(i, 1);
    for (const other of open) {
      if (other.id === item.id || !overlaps(other, item)) continue;
      result.set(item.id, [...(result.get(item.id) ?? []), other.id]);
      result.set(other.id, [...(result.get(other.id) ?? []), item.id]);
    }
    open.push(item);
  }
  return result;
}
