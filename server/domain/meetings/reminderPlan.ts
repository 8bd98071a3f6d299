// Which reminder a meeting is due for now. Pure: the job records every offset it sends or skips, so the plan never
// sends one twice, and after downtime it sends only the reminder closest to the start instead of a stale burst.

export const DEFAULT_REMINDER_MINUTES = [1440, 15] as const;
export const MAX_REMINDER_MINUTES = 7 * 1440;

export interface ReminderDecision {
  /** The offset to send now, or null. */
  send: number | null;
  /** Offsets that are due but will never be worth sending (older than the one sent, or due before the meeting was announced). */
  skip: number[];
}

/**
 * @param offsets minutes before the start
 * @param start when the meeting starts
 * @param announcedAt when the current time of the meeting was announced (scheduled or rescheduled)
 * @param done offsets already sent or skipped for this start time
 */
export function dueReminder(
  offsets: readonly number[],
  start: Date,
  announcedAt: Date,
  now: Date,
  done: ReadonlySet<number>,
): ReminderDecision {
  if (now.getTime() >= start.getTime()) return { send: null, skip: [] };
  const due = [...new Set(offsets)]
    .filter((o) => !done.has(o) && start.getTime() - o * 60_000 <= now.getTime())
    .sort((a, b) => a - b);
  // A reminder whose moment had already passed when the meeting was announced would repeat the notice itself.
  const stale = due.filter((o) => start.getTime() - o * 60_000 < announcedAt.getTime());
  const fresh = due.filter((o) => !stale.includes(o));
  const send = fresh[0] ?? null;
  return { send, skip: [...stale, ...fresh.slice(1)].sort((a, b) => a - b) };
}

/** Normalises a list of offsets from the organiser or the configuration: whole minutes, distinct, longest first. */
export function normaliseOffsets(offsets: readonly number[]): number[] {
  return [...new Set(offsets.filter((o) => Number.isInteger(o) && o > 0 && o <= MAX_REMINDER_MINUTES))].sort(
    (a, b) => b - a,
  );
}
