// Checks an agenda: each item's time slot (when it has one) lies within the meeting, has a positive length, and the
// slots follow one another without overlapping (adjacent slots are fine). Pure.
import { contains, overlaps, rangeProblem, type TimeRange } from './timeRange.ts';

export interface AgendaSlot {
  start: Date | null;
  end: Date | null;
}

export type AgendaProblem =
  'slot_incomplete' | 'slot_end_before_start' | 'slot_zero_length' | 'slot_outside_meeting' | 'slots_overlap';

export function agendaProblem(
  items: readonly AgendaSlot[],
  meeting: TimeRange,
): { index: number; problem: AgendaProblem } | null {
  let previous: TimeRange | null = null;
  for (const [index, item] of items.entries()) {
    if (item.start === null && item.end === null) continue;
    if (item.start === null || item.end === null) return { index, problem: 'slot_incomplete' };
    const slot = { start: item.start, end: item.end };
    const p = rangeProblem(slot);
    if (p === 'end_before_start') return { index, problem: 'slot_end_before_start' };
    if (p === 'zero_length') return { index, problem: 'slot_zero_length' };
    if (!contains(meeting, slot)) return { index, problem: 'slot_outside_meeting' };
    if (previous && (overlaps(previous, slot) || slot.start.getTime() < previous.start.getTime()))
      return { index, problem: 'slots_overlap' };
    previous = slot;
  }
  return null;
}
