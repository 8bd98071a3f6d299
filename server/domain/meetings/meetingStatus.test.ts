import { describe, expect, it } from 'vitest';
import { allowedEvents, MEETING_STATUSES, transition, type MeetingEvent, type MeetingStatus } from './meetingStatus.ts';

// Every status × event: where it leads, or "no" when refused.
const TABLE: Record<MeetingStatus, Partial<Record<MeetingEvent, MeetingStatus>>> = {
  draft: { schedule: 'scheduled', edit: 'draft', reschedule: 'draft', cancel: 'cancelled' },
  scheduled: { edit: 'scheduled', reschedule: 'scheduled', start: 'in_progress', cancel: 'cancelled' },
  in_progress: { edit: 'in_progress', end: 'ended' },
  ended: { finalise_minutes: 'minutes_finalised' },
  minutes_finalised: {},
  cancelled: {},
};
const EVENTS: MeetingEvent[] = ['schedule', 'edit', 'reschedule', 'start', 'end', 'finalise_minutes', 'cancel'];

describe('meeting status machine', () => {
  const cases = MEETING_STATUSES.flatMap((from) =>
    EVENTS.map((event) => [from, event, TABLE[from][event] ?? 'no'] as const),
  );
  it.each(cases)('%s + %s → %s', (from, event, expected) => {
    const result = transition(from, event);
    if (expected === 'no') {
      expect(result).toMatchObject({ ok: false, code: 'invalid_transition' });
    } else {
      expect(result).toEqual({ ok: true, to: expected });
    }
  });

  it('lists the events each status allows', () => {
    for (const status of MEETING_STATUSES)
      expect(allowedEvents(status).sort()).toEqual(Object.keys(TABLE[status]).sort());
  });

  it('has no way out of cancelled or finalised meetings, and no way back to draft', () => {
    for (const from of MEETING_STATUSES) {
      for (const event of EVENTS) {
        const r = transition(from, event);
        if (r.ok && from !== 'draft') expect(r.to).not.toBe('draft');
      }
    }
    expect(allowedEvents('cancelled')).toEqual([]);
    expect(allowedEvents('minutes_finalised')).toEqual([]);
  });
});
