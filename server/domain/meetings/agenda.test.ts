import { describe, expect, it } from 'vitest';
import { agendaProblem, type AgendaSlot } from './agenda.ts';
import { fromLocal } from './localTime.ts';

const t = (hm: string) => fromLocal(`2026-12-01T${hm}`);
const slot = (a: string | null, b: string | null): AgendaSlot => ({ start: a ? t(a) : null, end: b ? t(b) : null });
const meeting = { start: t('09:00'), end: t('11:00') };

describe('agendaProblem', () => {
  it.each<[string, AgendaSlot[], { index: number; problem: string } | null]>([
    ['no time slots at all', [slot(null, null), slot(null, null)], null],
    ['back-to-back slots filling the meeting', [slot('09:00', '10:00'), slot('10:00', '11:00')], null],
    [
      'slots with gaps and an unslotted item between',
      [slot('09:00', '09:30'), slot(null, null), slot('10:00', '10:30')],
      null,
    ],
    ['a slot with only a start', [slot('09:00', null)], { index: 0, problem: 'slot_incomplete' }],
    [
      'a reversed slot',
      [slot('09:00', '09:30'), slot('10:00', '09:45')],
      { index: 1, problem: 'slot_end_before_start' },
    ],
    ['a zero-length slot', [slot('09:30', '09:30')], { index: 0, problem: 'slot_zero_length' }],
    ['a slot before the meeting', [slot('08:30', '09:30')], { index: 0, problem: 'slot_outside_meeting' }],
    ['a slot running past the end', [slot('10:30', '11:30')], { index: 0, problem: 'slot_outside_meeting' }],
    ['overlapping slots', [slot('09:00', '10:00'), slot('09:45', '10:30')], { index: 1, problem: 'slots_overlap' }],
    ['slots out of order', [slot('10:00', '10:30'), slot('09:00', '09:30')], { index: 1, problem: 'slots_overlap' }],
  ])('%s', (_name, items, expected) => {
    expect(agendaProblem(items, meeting)).toEqual(expected);
  });
});
