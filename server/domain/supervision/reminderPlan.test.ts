import { describe, expect, it } from 'vitest';
import { chinaDayNumber, daysLate, deadlineColumns, endOfChinaDay, lastEndedDeadlineDay } from './deadlines.ts';
import { owedReminder, reminderHorizon } from './reminderPlan.ts';

// 2026-12-07 is a Monday; 2026-12-04 the Friday before, 2026-12-02 the Wednesday.
const DUE = '2026-12-07';
const OFFSETS = [3, 1];

describe('owedReminder', () => {
  it.each<[string, string | null, string | null]>([
    ['2026-12-01', null, null],
    ['2026-12-02', 'due_3', '2026-12-02'],
    ['2026-12-03', 'due_3', '2026-12-02'],
    ['2026-12-04', 'due_1', '2026-12-04'],
    ['2026-12-05', 'due_1', '2026-12-04'],
    ['2026-12-07', 'due_1', '2026-12-04'],
    ['2026-12-08', 'overdue', '2026-12-08'],
    ['2026-12-11', 'overdue', '2026-12-11'],
  ])('on %s → %s keyed %s (working days: the Friday before a Monday deadline)', (today, kind, date) => {
    const owed = owedReminder(DUE, today, OFFSETS);
    expect(owed?.kind ?? null).toBe(kind);
    expect(owed?.date ?? null).toBe(date);
  });

  it('counts overdue days since the deadline', () => {
    expect(owedReminder(DUE, '2026-12-10', OFFSETS)?.days).toBe(3);
  });

  it('skips working-day holidays: 3 working days before 2026-10-09 fall before 国庆', () => {
    // 2026-10-01..07 are the National Day holiday; 2026-10-10 (Saturday) is a make-up working day.
    expect(owedReminder('2026-10-09', '2026-09-29', OFFSETS)?.kind).toBe('due_3');
    expect(owedReminder('2026-10-09', '2026-09-28', OFFSETS)).toBeNull();
  });

  it('honours configured offsets and ignores duplicates or zero', () => {
    expect(owedReminder(DUE, '2026-11-30', [5, 5, 0])?.kind).toBe('due_5');
    expect(owedReminder(DUE, '2026-12-06', [])).toBeNull();
  });

  it('looks as far ahead as the largest offset', () => {
    expect(reminderHorizon('2026-12-02', OFFSETS)).toBe('2026-12-07');
  });
});

describe('deadlines', () => {
  it('ends a due date at midnight in China', () => {
    expect(endOfChinaDay('2026-12-07').toISOString()).toBe('2026-12-07T16:00:00.000Z');
  });

  it('counts started days late', () => {
    const deadline = endOfChinaDay('2026-12-07');
    expect(daysLate(deadline, new Date('2026-12-07T15:59:59Z'))).toBe(0);
    expect(daysLate(deadline, new Date('2026-12-08T02:00:00Z'))).toBe(1);
    expect(daysLate(deadline, new Date('2026-12-09T16:00:01Z'))).toBe(3);
  });

  it('keeps the deadline day beside the instant, and counts days late as China days since it', () => {
    const { deadlineAt, deadlineDay } = deadlineColumns('2026-12-07');
    expect(deadlineAt.toISOString()).toBe('2026-12-07T16:00:00.000Z');
    expect(deadlineDay).toBe(Date.UTC(2026, 11, 7) / 86_400_000);
    // Overdue from the instant after the end of the day, not at it.
    expect(lastEndedDeadlineDay(new Date('2026-12-07T16:00:00.000Z'))).toBe(deadlineDay - 1);
    expect(lastEndedDeadlineDay(new Date('2026-12-07T16:00:00.001Z'))).toBe(deadlineDay);
    expect(chinaDayNumber(new Date('2026-12-07T15:59:59.999Z'))).toBe(deadlineDay);
    expect(chinaDayNumber(new Date('2026-12-07T16:00:00.000Z'))).toBe(deadlineDay + 1);
    // Whenever the task is overdue, today's day number minus its deadline day is daysLate (off the exact day marks).
    for (let offset = 1; offset < 40 * 86_400_000; offset += 3_599_917) {
      const at = new Date(deadlineAt.getTime() + offset);
      expect(deadlineDay <= lastEndedDeadlineDay(at)).toBe(true);
      expect(chinaDayNumber(at) - deadlineDay).toBe(daysLate(deadlineAt, at));
    }
    expect(deadlineDay <= lastEndedDeadlineDay(new Date(deadlineAt.getTime() - 1))).toBe(false);
  });
});
