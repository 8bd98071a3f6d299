import { describe, expect, it } from 'vitest';
import { overlappingPairs, participantClashes, roomClashes, type Booking, type Commitment } from './clashes.ts';
import { fromLocal } from './localTime.ts';
import { overlaps, rangeProblem, type TimeRange } from './timeRange.ts';

/** A range on the Shanghai wall clock of 2026-12-01, "09:00-10:00". */
const sh = (span: string, date = '2026-12-01', zone = 'Asia/Shanghai'): TimeRange => {
  const [a, b] = span.split('-');
  return { start: fromLocal(`${date}T${a}`, zone), end: fromLocal(`${date}T${b}`, zone) };
};
const utc = (a: string, b: string): TimeRange => ({ start: new Date(a), end: new Date(b) });

describe('overlaps (half-open ranges)', () => {
  it.each<[string, TimeRange, TimeRange, boolean]>([
    ['identical', sh('09:00-10:00'), sh('09:00-10:00'), true],
    ['partial, later one starts inside', sh('09:00-10:00'), sh('09:30-10:30'), true],
    ['partial, earlier one ends inside', sh('09:30-10:30'), sh('09:00-10:00'), true],
    ['contained', sh('09:00-12:00'), sh('10:00-11:00'), true],
    ['adjacent: first ends when second starts', sh('09:00-10:00'), sh('10:00-11:00'), false],
    ['adjacent: reversed order', sh('10:00-11:00'), sh('09:00-10:00'), false],
    ['apart', sh('09:00-10:00'), sh('14:00-15:00'), false],
    ['one minute of overlap', sh('09:00-10:01'), sh('10:00-11:00'), true],
    ['same wall-clock time on another day', sh('09:00-10:00', '2026-12-01'), sh('09:00-10:00', '2026-12-02'), false],
    [
      'Shanghai 09:00-10:00 vs the same instants written in UTC',
      sh('09:00-10:00'),
      utc('2026-12-01T01:00:00Z', '2026-12-01T02:00:00Z'),
      true,
    ],
    [
      'Shanghai 09:00-10:00 vs Berlin 09:00-10:00 (7 hours later)',
      sh('09:00-10:00'),
      sh('09:00-10:00', '2026-12-01', 'Europe/Berlin'),
      false,
    ],
    [
      'Shanghai 10:00 end vs Berlin 03:00 start: the same instant, adjacent',
      sh('09:00-10:00'),
      sh('03:00-04:00', '2026-12-01', 'Europe/Berlin'),
      false,
    ],
    [
      'Shanghai 09:00-10:00 vs Berlin 02:30-03:30: overlap of 30 minutes',
      sh('09:00-10:00'),
      sh('02:30-03:30', '2026-12-01', 'Europe/Berlin'),
      true,
    ],
    [
      'Shanghai morning vs UTC previous evening spanning midnight UTC',
      sh('07:00-08:00'),
      utc('2026-11-30T22:30:00Z', '2026-11-30T23:30:00Z'),
      true,
    ],
  ])('%s → %s', (_name, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('rangeProblem', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  it.each<[string, TimeRange, string | null]>([
    ['a normal meeting', sh('09:00-10:00'), null],
    ['reversed: end before start', sh('10:00-09:00'), 'end_before_start'],
    ['zero length', sh('09:00-09:00'), 'zero_length'],
    ['longer than three days', utc('2026-12-01T01:00:00Z', '2026-12-05T01:00:00Z'), 'too_long'],
    ['three days exactly is accepted', utc('2026-12-01T01:00:00Z', '2026-12-04T01:00:00Z'), null],
    ['started an hour ago', utc('2026-11-30T23:00:00Z', '2026-12-01T01:00:00Z'), 'in_the_past'],
    ['started ten minutes ago (within the grace)', utc('2026-11-30T23:50:00Z', '2026-12-01T01:00:00Z'), null],
    ['not a date', { start: new Date('nonsense'), end: new Date('2026-12-01T01:00:00Z') }, 'invalid_time'],
  ])('%s → %s', (_name, range, expected) => {
    expect(rangeProblem(range, { now })).toBe(expected);
  });
});

describe('roomClashes', () => {
  const bookings: Booking[] = [
    { roomId: 'r1', meetingId: 'm1', ...sh('09:00-10:00') },
    { roomId: 'r1', meetingId: 'm2', ...sh('14:00-16:00') },
    { roomId: 'r2', meetingId: 'm3', ...sh('09:00-18:00') },
    { roomId: 'r1', meetingId: 'm4', ...sh('09:00-10:00', '2026-12-02') },
  ];
  it.each<[string, TimeRange & { roomId: string; meetingId?: string }, string[]]>([
    ['free slot between two bookings', { roomId: 'r1', ...sh('10:00-14:00') }, []],
    ['overlaps the morning booking', { roomId: 'r1', ...sh('09:30-10:30') }, ['m1']],
    ['spans both bookings (listed by start)', { roomId: 'r1', ...sh('08:00-17:00') }, ['m1', 'm2']],
    ['adjacent to the afternoon booking on both sides', { roomId: 'r1', ...sh('16:00-17:00') }, []],
    ['other room is busy all day but this one is not', { roomId: 'r1', ...sh('12:00-13:00') }, []],
    ['a reschedule within its own booking', { roomId: 'r1', meetingId: 'm1', ...sh('09:15-09:45') }, []],
    ['a reschedule onto another booking', { roomId: 'r1', meetingId: 'm1', ...sh('13:30-14:30') }, ['m2']],
    ['same time next day', { roomId: 'r1', ...sh('09:00-10:00', '2026-12-02') }, ['m4']],
    [
      'booked in Berlin time, 02:30 = 09:30 in Shanghai',
      { roomId: 'r1', ...sh('02:30-03:00', '2026-12-01', 'Europe/Berlin') },
      ['m1'],
    ],
  ])('%s', (_name, candidate, expected) => {
    expect(roomClashes(candidate, bookings).map((b) => b.meetingId)).toEqual(expected);
  });
});

describe('participantClashes', () => {
  const commitments: Commitment[] = [
    { userId: 'zhang', meetingId: 'a', ...sh('09:00-10:00') },
    { userId: 'zhang', meetingId: 'b', ...sh('10:00-11:00') },
    { userId: 'he', meetingId: 'c', ...sh('08:00-12:00') },
    { userId: 'he', meetingId: 'c', ...sh('08:00-12:00') },
    { userId: 'li', meetingId: 'd', ...sh('11:00-12:00') },
    { userId: 'wang', meetingId: 'self', ...sh('09:00-10:00') },
  ];
  it.each<[string, TimeRange & { meetingId?: string }, string[], Array<[string, string[]]>]>([
    [
      'only the people whose meetings overlap, in the order asked',
      sh('09:30-10:30'),
      ['li', 'he', 'zhang'],
      [
        ['he', ['c']],
        ['zhang', ['a', 'b']],
      ],
    ],
    ['adjacent meetings are not a clash', sh('11:00-11:30'), ['zhang'], []],
    ['adjacent on both sides', sh('10:00-11:00'), ['li', 'zhang'], [['zhang', ['b']]]],
    ['the meeting being rescheduled is not its own clash', { meetingId: 'self', ...sh('09:00-10:00') }, ['wang'], []],
    [
      'a person listed twice is reported once; a meeting listed twice once',
      sh('09:00-09:30'),
      ['he', 'he'],
      [['he', ['c']]],
    ],
    ['nobody asked, nobody reported', sh('09:00-12:00'), [], []],
  ])('%s', (_name, candidate, users, expected) => {
    const result = participantClashes(candidate, users, commitments).map((p) => [
      p.userId,
      p.clashes.map((c) => c.meetingId),
    ]);
    expect(result).toEqual(expected);
  });

  it('reports the overlapping part of each clash', () => {
    const [clash] = participantClashes(sh('09:30-10:30'), ['he'], commitments);
    expect(clash!.clashes[0]!.overlap).toEqual(sh('09:30-10:30'));
    const [zhang] = participantClashes(sh('09:30-10:30'), ['zhang'], commitments);
    expect(zhang!.clashes.map((c) => c.overlap)).toEqual([sh('09:30-10:00'), sh('10:00-10:30')]);
  });
});

describe('overlappingPairs (clash flags in one calendar)', () => {
  it.each<[string, Array<TimeRange & { id: string }>, Record<string, string[]>]>([
    [
      'back-to-back day: no flags',
      [
        { id: 'a', ...sh('09:00-10:00') },
        { id: 'b', ...sh('10:00-11:00') },
        { id: 'c', ...sh('11:00-12:00') },
      ],
      {},
    ],
    [
      'two overlapping',
      [
        { id: 'a', ...sh('09:00-10:30') },
        { id: 'b', ...sh('10:00-11:00') },
      ],
      { a: ['b'], b: ['a'] },
    ],
    [
      'a long meeting overlapping two short ones that do not overlap each other',
      [
        { id: 'long', ...sh('09:00-12:00') },
        { id: 'x', ...sh('09:00-10:00') },
        { id: 'y', ...sh('10:00-11:00') },
      ],
      { long: ['x', 'y'], x: ['long'], y: ['long'] },
    ],
    [
      'unsorted input',
      [
        { id: 'late', ...sh('15:00-16:00') },
        { id: 'early', ...sh('08:00-09:00') },
        { id: 'mid', ...sh('15:30-17:00') },
      ],
      { late: ['mid'], mid: ['late'] },
    ],
  ])('%s', (_name, items, expected) => {
    const result = Object.fromEntries([...overlappingPairs(items)].map(([k, v]) => [k, [...v].sort()]));
    expect(result).toEqual(expected);
  });
});
