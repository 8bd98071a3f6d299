import { describe, expect, it } from 'vitest';
import { attendanceState, attendanceSummary, rsvpSummary, signInProblem, type SeatFacts } from './attendance.ts';

const start = new Date('2026-12-01T01:00:00Z');
const end = new Date('2026-12-01T03:00:00Z');
const at = (min: number) => new Date(start.getTime() + min * 60_000);

describe('attendanceState', () => {
  it.each<[string, Pick<SeatFacts, 'rsvp' | 'signedInAt'>, Date, string]>([
    ['signed in before the start', { rsvp: 'attend', signedInAt: at(-10) }, at(30), 'present'],
    ['signed in within the five-minute grace', { rsvp: 'pending', signedInAt: at(5) }, at(30), 'present'],
    ['signed in after the grace', { rsvp: 'attend', signedInAt: at(6) }, at(30), 'late'],
    ['on leave', { rsvp: 'leave', signedInAt: null }, at(30), 'leave'],
    ['on leave but came after all', { rsvp: 'leave', signedInAt: at(1) }, at(30), 'present'],
    ['said absent', { rsvp: 'absent', signedInAt: null }, at(-60), 'absent'],
    ['not signed in, before the start', { rsvp: 'attend', signedInAt: null }, at(-5), 'expected'],
    ['not signed in, within the grace', { rsvp: 'pending', signedInAt: null }, at(5), 'expected'],
    ['not signed in, after the grace', { rsvp: 'attend', signedInAt: null }, at(6), 'absent'],
  ])('%s → %s', (_name, seat, now, expected) => {
    expect(attendanceState(seat, start, now)).toBe(expected);
  });
});

describe('signInProblem', () => {
  it.each<[string, string, Date, string | null]>([
    ['half an hour before the start', 'scheduled', at(-30), null],
    ['earlier than that', 'scheduled', at(-31), 'sign_in_not_open'],
    ['during the meeting', 'in_progress', at(60), null],
    ['at the end', 'in_progress', end, 'sign_in_closed'],
    ['a cancelled meeting', 'cancelled', at(0), 'meeting_not_active'],
    ['a draft', 'draft', at(0), 'meeting_not_active'],
    ['an ended meeting', 'ended', at(10), 'meeting_not_active'],
  ])('%s → %s', (_name, status, now, expected) => {
    expect(signInProblem({ status, start, end }, now)).toBe(expected);
  });
});

describe('summaries per unit', () => {
  const seats: SeatFacts[] = [
    { userId: 'a', unitId: 'fin', unitName: '区财政局', rsvp: 'attend', signedInAt: at(-1) },
    { userId: 'b', unitId: 'fin', unitName: '区财政局', rsvp: 'leave', signedInAt: null },
    { userId: 'c', unitId: 'ndrc', unitName: '区发改委', rsvp: 'pending', signedInAt: at(10) },
    { userId: 'd', unitId: 'ndrc', unitName: '区发改委', rsvp: 'absent', signedInAt: null },
    { userId: 'e', unitId: 'fin', unitName: '区财政局', rsvp: 'pending', signedInAt: null },
  ];

  it('counts replies overall and per unit, units in the order first seen', () => {
    expect(rsvpSummary(seats)).toEqual({
      counts: { total: 5, attend: 1, leave: 1, absent: 1, pending: 2 },
      byUnit: [
        { unitId: 'fin', unitName: '区财政局', counts: { total: 3, attend: 1, leave: 1, absent: 0, pending: 1 } },
        { unitId: 'ndrc', unitName: '区发改委', counts: { total: 2, attend: 0, leave: 0, absent: 1, pending: 1 } },
      ],
    });
  });

  it('counts sign-in states at a moment', () => {
    expect(attendanceSummary(seats, start, at(20)).counts).toEqual({
      total: 5,
      present: 1,
      late: 1,
      leave: 1,
      absent: 2,
      expected: 0,
    });
    expect(attendanceSummary(seats, start, at(-20)).counts).toEqual({
      total: 5,
      present: 1,
      late: 1,
      leave: 1,
      absent: 1,
      expected: 1,
    });
    expect(rsvpSummary([])).toEqual({ counts: { total: 0, attend: 0, leave: 0, absent: 0, pending: 0 }, byUnit: [] });
  });
});
