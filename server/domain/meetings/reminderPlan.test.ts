import { describe, expect, it } from 'vitest';
import { dueReminder, normaliseOffsets } from './reminderPlan.ts';

const start = new Date('2026-12-03T01:00:00Z');
const before = (min: number) => new Date(start.getTime() - min * 60_000);
const announced = before(3 * 1440);

describe('dueReminder', () => {
  it.each<[string, number[], Date, Date, number[], number | null, number[]]>([
    ['nothing due two days before', [1440, 15], before(2880), announced, [], null, []],
    ['the day-before reminder at its moment', [1440, 15], before(1440), announced, [], 1440, []],
    ['a minute later it is still due if not sent', [1440, 15], before(1439), announced, [], 1440, []],
    ['not again once sent', [1440, 15], before(600), announced, [1440], null, []],
    ['the fifteen-minute reminder', [1440, 15], before(15), announced, [1440], 15, []],
    [
      'after downtime: only the nearest goes out, the stale one is skipped',
      [1440, 15],
      before(10),
      announced,
      [],
      15,
      [1440],
    ],
    ['nothing at or after the start', [1440, 15], start, announced, [], null, []],
    [
      'announced only two hours before: the day-before reminder would repeat the notice',
      [1440, 15],
      before(100),
      before(120),
      [],
      null,
      [1440],
    ],
    ['…and the fifteen-minute one still goes out', [1440, 15], before(15), before(120), [1440], 15, []],
    ['duplicate offsets count once', [15, 15, 60], before(15), announced, [60], 15, []],
  ])('%s', (_name, offsets, now, announcedAt, done, send, skip) => {
    expect(dueReminder(offsets, start, announcedAt, now, new Set(done))).toEqual({ send, skip });
  });
});

describe('normaliseOffsets', () => {
  it.each<[number[], number[]]>([
    [
      [15, 1440],
      [1440, 15],
    ],
    [
      [15, 15, 60],
      [60, 15],
    ],
    [[0, -5, 1.5, 30], [30]],
    [[99999, 10080], [10080]],
    [[], []],
  ])('%j → %j', (input, expected) => {
    expect(normaliseOffsets(input)).toEqual(expected);
  });
});
