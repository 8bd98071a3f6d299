// Step deadlines of a 公文's route (办理时限) on China's working-day calendar: a step given N working days is due N
// working days after the day it reached the handler (that day not counted, as "3个工作日内"); the handler is reminded
// on the working day before the due date (or on it, when the step arrived that late) and once when it is overdue.
import { addWorkingDays } from '../../../common/calendar/workingDays.ts';
import { shanghaiDateOf, toEpochDay, type IsoDate } from '../../../common/calendar/isoDate.ts';
import { endOfChinaDay } from '../supervision/deadlines.ts';

export type StepReminderKind = 'due_soon' | 'overdue';

export interface OwedStepReminder {
  kind: StepReminderKind;
  /** due_soon: calendar days until the due date (0: today); overdue: calendar days past it. */
  days: number;
}

export function stepDueOn(reachedOn: IsoDate, workingDays: number): IsoDate {
  return addWorkingDays(reachedOn, workingDays);
}

/** The instant a step that reached the handler at `since` with so many working days stops being on time. */
export function stepDueInstant(since: Date, workingDays: number): Date {
  return endOfChinaDay(stepDueOn(shanghaiDateOf(since), workingDays));
}

/** The reminder owed today for a step due on `dueOn`, or null. Each kind is sent once per due date. */
export function owedStepReminder(dueOn: IsoDate, today: IsoDate): OwedStepReminder | null {
  const late = toEpochDay(today) - toEpochDay(dueOn);
  if (late > 0) return { kind: 'overdue', days: late };
  if (today >= addWorkingDays(dueOn, -1)) return { kind: 'due_soon', days: toEpochDay(dueOn) - toEpochDay(today) };
  return null;
}
