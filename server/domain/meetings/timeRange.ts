// Time ranges of meetings, bookings and agenda slots: half-open intervals [start, end), so a meeting ending at 10:00
// and one starting at 10:00 do not clash. Pure; every instant is a UTC Date.

export interface TimeRange {
  start: Date;
  end: Date;
}

/** Longest meeting we accept; anything longer is almost certainly a typo in the date. */
export const MAX_MEETING_MS = 3 * 86_400_000;
/** How far back a start may lie when scheduling (a clerk entering a meeting that began a moment ago). */
export const PAST_GRACE_MS = 15 * 60_000;

export type RangeProblem = 'invalid_time' | 'end_before_start' | 'zero_length' | 'too_long' | 'in_the_past';

export function rangeProblem(range: TimeRange, options: { now?: Date; maxMs?: number } = {}): RangeProblem | null {
  const start = range.start.getTime();
  const end = range.end.getTime();
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 'invalid_time';
  if (end < start) return 'end_before_start';
  if (end === start) return 'zero_length';
  if (end - start > (options.maxMs ?? MAX_MEETING_MS)) return 'too_long';
  if (options.now && start < options.now.getTime() - PAST_GRACE_MS) return 'in_the_past';
  return null;
}

export function overlaps(a: TimeRange, b: TimeRange): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** The part two ranges share, or null when they only touch or are apart. */
export function intersection(a: TimeRange, b: TimeRange): TimeRange | null {
  if (!overlaps(a, b)) return null;
  return {
    start: new Date(Math.max(a.start.getTime(), b.start.getTime())),
    end: new Date(Math.min(a.end.getTime(), b.end.getTime())),
  };
}

export function contains(outer: TimeRange, inner: TimeRange): boolean {
  return outer.start.getTime() <= inner.start.getTime() && inner.end.getTime() <= outer.end.getTime();
}

export function shift(range: TimeRange, ms: number): TimeRange {
  return { start: new Date(range.start.getTime() + ms), end: new Date(range.end.getTime() + ms) };
}
