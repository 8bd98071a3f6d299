// Deadlines of supervision tasks. A due date is a calendar date in China; the task is overdue from the end of that
// day (Asia/Shanghai, UTC+8 all year), and lateness is counted in started days after it.
import { addDays, shanghaiDateOf, toEpochDay, type IsoDate } from '../../../common/calendar/isoDate.ts';

const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The instant a due date ends in China: 24:00 local time, i.e. 16:00 UTC on that date. */
export function endOfChinaDay(date: IsoDate): Date {
  return new Date((toEpochDay(date) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/**
 * The columns that hold the deadline in force: the instant it ends and its China calendar day number (days since
 * 1970-01-01), which lets the statistics count overdue tasks and their days late in integers.
 */
export function deadlineColumns(date: IsoDate): { deadlineAt: Date; deadlineDay: number } {
  return { deadlineAt: endOfChinaDay(date), deadlineDay: toEpochDay(date) };
}

/** The China calendar day number of an instant (days since 1970-01-01 in China). */
export function chinaDayNumber(at: Date): number {
  return toEpochDay(chinaToday(at));
}

/** The last deadline day that has ended before the instant: tasks with deadlineDay up to this one are overdue. */
export function lastEndedDeadlineDay(now: Date): number {
  return Math.floor((now.getTime() + SHANGHAI_OFFSET_MS - 1) / MS_PER_DAY) - 1;
}

export function chinaToday(now: Date): IsoDate {
  return shanghaiDateOf(now);
}

/** YYYY-MM of an instant in China: the statistics month. */
export function chinaMonth(at: Date): string {
  return shanghaiDateOf(at).slice(0, 7);
}

/** The deadline in force: the rectification date after a return, the due date otherwise. */
export function deadlineDate(task: { dueDate: IsoDate; rectifyDueDate: IsoDate | null }): IsoDate {
  return task.rectifyDueDate ?? task.dueDate;
}

/** Started days after the deadline (submitted at 10:00 the day after the due date: 1 day late); 0 when on time. */
export function daysLate(deadlineAt: Date, at: Date): number {
  const ms = at.getTime() - deadlineAt.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / MS_PER_DAY);
}

/** A due date may not lie before today in China (a task due today is allowed). */
export function isPastDate(date: IsoDate, now: Date): boolean {
  return date < chinaToday(now);
}

/** Calendar days from today to the date (negative once it has passed). */
export function daysUntil(date: IsoDate, now: Date): number {
  return toEpochDay(date) - toEpochDay(chinaToday(now));
}

export { addDays };
