import { describe, expect, it } from 'vitest';
import {
  calendarRange,
  describeRange,
  fromLocal,
  isTimeZone,
  localDate,
  localDateTime,
  type CalendarView,
} from './localTime.ts';

describe('fromLocal', () => {
  it.each([
    ['2026-12-01T09:00', 'Asia/Shanghai', '2026-12-01T01:00:00.000Z'],
    ['2026-12-01T07:30', 'Asia/Shanghai', '2026-11-30T23:30:00.000Z'],
    ['2026-12-01 00:00', 'Asia/Shanghai', '2026-11-30T16:00:00.000Z'],
    ['2026-07-01T09:00', 'Asia/Shanghai', '2026-07-01T01:00:00.000Z'],
    ['2026-12-01T09:00', 'UTC', '2026-12-01T09:00:00.000Z'],
    ['2026-03-07T09:00', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['2026-03-09T09:00', 'America/New_York', '2026-03-09T13:00:00.000Z'],
    ['2026-07-01T09:00', 'Europe/Berlin', '2026-07-01T07:00:00.000Z'],
  ])('%s in %s = %s', (local, zone, expected) => {
    expect(fromLocal(local, zone).toISOString()).toBe(expected);
  });

  it('defaults to Asia/Shanghai', () => {
    expect(fromLocal('2026-12-01T09:00').toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });

  it.each(['2026-02-30T09:00', '2026-12-01T24:00', '2026-12-01T09:60', '2026-12-01', '9:00', ''])(
    'refuses %j',
    (bad) => {
      expect(() => fromLocal(bad)).toThrow(RangeError);
    },
  );
});

describe('calendarRange', () => {
  it.each<[string, CalendarView, string, string, string]>([
    ['2026-12-01', 'day', 'Asia/Shanghai', '2026-11-30T16:00:00.000Z', '2026-12-01T16:00:00.000Z'],
    // 2026-12-03 is a Thursday; the week runs Monday 11-30 to Sunday 12-06.
    ['2026-12-03', 'week', 'Asia/Shanghai', '2026-11-29T16:00:00.000Z', '2026-12-06T16:00:00.000Z'],
    ['2026-12-06', 'week', 'Asia/Shanghai', '2026-11-29T16:00:00.000Z', '2026-12-06T16:00:00.000Z'],
    ['2026-11-30', 'week', 'Asia/Shanghai', '2026-11-29T16:00:00.000Z', '2026-12-06T16:00:00.000Z'],
    ['2026-12-31', 'month', 'Asia/Shanghai', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2028-02-10', 'month', 'Asia/Shanghai', '2028-01-31T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
    ['2026-12-01', 'day', 'UTC', '2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z'],
    // The day New York moves its clocks forward has 23 hours.
    ['2026-03-08', 'day', 'America/New_York', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
  ])('%s %s in %s = [%s, %s)', (date, view, zone, from, to) => {
    const range = calendarRange(date, view, zone);
    expect(range.from.toISOString()).toBe(from);
    expect(range.to.toISOString()).toBe(to);
  });

  it('refuses an impossible date', () => {
    expect(() => calendarRange('2026-13-01', 'day')).toThrow(RangeError);
  });
});

describe('local dates and wording', () => {
  it.each([
    ['2026-11-30T16:00:00Z', 'Asia/Shanghai', '2026-12-01'],
    ['2026-11-30T15:59:59Z', 'Asia/Shanghai', '2026-11-30'],
    ['2026-11-30T16:00:00Z', 'UTC', '2026-11-30'],
  ])('%s is %s on %s', (instant, zone, expected) => {
    expect(localDate(new Date(instant), zone)).toBe(expected);
  });

  it('formats wall-clock times and ranges for notices', () => {
    expect(localDateTime(new Date('2026-12-01T01:00:00Z'))).toBe('2026-12-01 09:00');
    expect(describeRange(new Date('2026-12-01T01:00:00Z'), new Date('2026-12-01T03:30:00Z'))).toBe(
      '2026年12月1日 09:00–11:30',
    );
    expect(describeRange(new Date('2026-12-01T13:00:00Z'), new Date('2026-12-01T17:00:00Z'))).toBe(
      '2026年12月1日 21:00 – 2026年12月2日 01:00',
    );
    expect(describeRange(new Date('2026-12-01T09:00:00Z'), new Date('2026-12-01T10:00:00Z'), 'Europe/Berlin')).toBe(
      '2026年12月1日 10:00–11:00 (Europe/Berlin)',
    );
  });

  it.each([
    ['Asia/Shanghai', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('isTimeZone(%j) = %s', (zone, ok) => {
    expect(isTimeZone(zone)).toBe(ok);
  });
});
