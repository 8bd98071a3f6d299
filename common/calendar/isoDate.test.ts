import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysInMonth,
  isValidIsoDate,
  isoWeekday,
  lastDayOfMonth,
  shanghaiDateOf,
  startOfWeek,
} from './isoDate.ts';

describe('isoDate', () => {
  it.each([
    ['2026-11-18', 7, '2026-11-25'],
    ['2026-12-28', 5, '2027-01-02'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-11-20', 1, '2026-12-20'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-15', -6, '2025-11-15'],
    ['2026-12-10', 12, '2027-12-10'],
  ])('addMonths(%s, %i) = %s clamps to the month end', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ['2026-11-18', 3], // Wednesday
    ['2026-11-22', 7], // Sunday
    ['2026-01-04', 7],
    ['2025-01-26', 7],
    ['2026-02-14', 6],
  ])('isoWeekday(%s) = %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('knows month lengths and week starts', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(lastDayOfMonth(2026, 11)).toBe('2026-11-30');
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16');
  });

  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-11-30', true],
  ])('isValidIsoDate(%s) = %s', (value, valid) => {
    expect(isValidIsoDate(value)).toBe(valid);
  });

  it('reads the calendar date in China, not in UTC', () => {
    expect(shanghaiDateOf(new Date('2026-11-17T16:30:00Z'))).toBe('2026-11-18');
    expect(shanghaiDateOf(new Date('2026-11-17T15:59:00Z'))).toBe('2026-11-17');
  });
});
