import { describe, expect, it } from 'vitest';
import { backupDue, latestScheduledAt } from './backupSchedule.ts';

describe('latestScheduledAt', () => {
  it.each([
    ['2026-03-09T02:30:00+08:00', '02:30', '2026-03-09T02:30:00+08:00'],
    ['2026-03-09T02:29:59+08:00', '02:30', '2026-03-08T02:30:00+08:00'],
    ['2026-03-09T23:59:00+08:00', '02:30', '2026-03-09T02:30:00+08:00'],
    ['2026-03-09T00:10:00+08:00', '00:00', '2026-03-09T00:00:00+08:00'],
    ['2026-01-01T07:00:00+08:00', '23:45', '2025-12-31T23:45:00+08:00'],
    // UTC midnight falls at 08:00 in China: the day is China's.
    ['2026-03-08T23:00:00Z', '02:30', '2026-03-09T02:30:00+08:00'],
  ])('at %s, for %s: %s', (now, at, expected) => {
    expect(latestScheduledAt(new Date(now), at).toISOString()).toBe(new Date(expected).toISOString());
  });
});

describe('backupDue', () => {
  const d = (s: string) => new Date(s);
  it.each([
    [
      'no backup yet, started after today’s time',
      '2026-03-09T09:00:00+08:00',
      null,
      '2026-03-09T08:00:00+08:00',
      false,
    ],
    [
      'no backup yet, the time came while running',
      '2026-03-10T02:31:00+08:00',
      null,
      '2026-03-09T08:00:00+08:00',
      true,
    ],
    [
      'backed up today already',
      '2026-03-09T09:00:00+08:00',
      '2026-03-09T02:30:05+08:00',
      '2026-03-01T00:00:00+08:00',
      false,
    ],
    [
      'missed during downtime',
      '2026-03-11T09:00:00+08:00',
      '2026-03-09T02:30:05+08:00',
      '2026-03-11T08:59:00+08:00',
      true,
    ],
    [
      'a manual backup after the time counts',
      '2026-03-09T09:00:00+08:00',
      '2026-03-09T03:00:00+08:00',
      '2026-03-01T00:00:00+08:00',
      false,
    ],
  ] as const)('%s', (_name, now, newest, started, expected) => {
    expect(backupDue(d(now), '02:30', newest ? d(newest) : null, d(started))).toBe(expected);
  });
});
