// Which deadline warning a task is owed on a given day — pure, so the scheduler only has to remember what it sent.
// Reminders go N working days before the due date (默认提前3个、1个工作日); from the day after it, one overdue
// warning a day. After downtime only the most relevant reminder is owed, never a backlog of stale ones.
import { addWorkingDays } from '../../../common/calendar/workingDays.ts';
import { toEpochDay, type IsoDate } from '../../../common/calendar/isoDate.ts';

export type ReminderKind = `due_${number}` | 'overdue';

export interface OwedReminder {
  kind: ReminderKind;
  /** The key date: the reminder's scheduled day, or for an overdue warning the day it is for. */
  date: IsoDate;
  /** Calendar days until the deadline (reminders) or since it (overdue warnings). */
  days: number;
}

/**
 * The reminder a task with this deadline is owed today, or null. offsets are working days before the deadline.
 * The key (kind, date) is what makes sending idempotent: the caller sends it only if it has no record of it.
 */
export function owedReminder(deadline: IsoDate, today: IsoDate, offsets: readonly number[]): OwedReminder | null {
  const diff = toEpochDay(deadline) - toEpochDay(today);
  if (diff < 0) return { kind: 'overdue', date: today, days: -diff };
  // The smallest offset whose day has come is the one that describes the situation now; larger ones are stale.
  for (const n of [...new Set(offsets)].filter((o) => o > 0).sort((a, b) => a - b)) {
    const date = addWorkingDays(deadline, -n);
    if (date <= today) return { kind: `due_${n}`, date, days: diff };
  }
  return null;
}

/** The last day a reminder could be owed for a deadline on this day's horizon: deadlines up to here are looked at. */
export function reminderHorizon(today: IsoDate, offsets: readonly number[]): IsoDate {
  const furthest = Math.max(0, ...offsets);
  return addWorkingDays(today, furthest);
}
