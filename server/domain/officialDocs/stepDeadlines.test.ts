// Step deadlines on the working-day calendar: due dates across weekends and the 2026 official holidays, and which
// reminder is owed on which day.
import { describe, expect, it } from 'vitest';
import { owedStepReminder, stepDueOn } from './stepDeadlines.ts';

describe('stepDueOn', () => {
  it.each([
    // Tuesday + 3 working days: Friday.
    ['2026-03-10', 3, '2026-03-13'],
    // Thursday + 2: over the weekend to Monday.
    ['2026-03-12', 2, '2026-03-16'],
    // Reached on a Saturday: the first working day counts as day 1.
    ['2026-03-14', 1, '2026-03-16'],
    // Across 国庆节 2026 (1–7 October off).
    ['2026-09-30', 1, '2026-10-08'],
  ])('%s + %i working days is %s', (reached, days, due) => {
    expect(stepDueOn(reached, days)).toBe(due);
  });
});

describe('owedStepReminder', () => {
  it.each([
    // Due Friday 13 March.
    ['2026-03-11', '2026-03-13', null],
    ['2026-03-12', '2026-03-13', { kind: 'due_soon', days: 1 }],
    ['2026-03-13', '2026-03-13', { kind: 'due_soon', days: 0 }],
    ['2026-03-14', '2026-03-13', { kind: 'overdue', days: 1 }],
    ['2026-03-20', '2026-03-13', { kind: 'overdue', days: 7 }],
    // Due Monday 16 March: the working day before is Friday 13.
    ['2026-03-12', '2026-03-16', null],
    ['2026-03-13', '2026-03-16', { kind: 'due_soon', days: 3 }],
    ['2026-03-15', '2026-03-16', { kind: 'due_soon', days: 1 }],
  ])('on %s for a step due %s: %j', (today, due, owed) => {
    expect(owedStepReminder(due, today)).toEqual(owed);
  });
});
