// The meeting workflow as a pure state machine: draft → scheduled → in_progress → ended → minutes_finalised, with
// cancellation before the start and reschedules while scheduled. Commands ask here before they change a status.

export const MEETING_STATUSES = [
  'draft',
  'scheduled',
  'in_progress',
  'ended',
  'minutes_finalised',
  'cancelled',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export type MeetingEvent = 'schedule' | 'edit' | 'reschedule' | 'start' | 'end' | 'finalise_minutes' | 'cancel';

/** For each event, the statuses it may happen in and where it leads (null: the status stays). */
const TRANSITIONS: Record<MeetingEvent, { from: readonly MeetingStatus[]; to: MeetingStatus | null }> = {
  schedule: { from: ['draft'], to: 'scheduled' },
  // Title, description, people, agenda: before the meeting is over.
  edit: { from: ['draft', 'scheduled', 'in_progress'], to: null },
  reschedule: { from: ['draft', 'scheduled'], to: null },
  start: { from: ['scheduled'], to: 'in_progress' },
  end: { from: ['in_progress'], to: 'ended' },
  finalise_minutes: { from: ['ended'], to: 'minutes_finalised' },
  cancel: { from: ['draft', 'scheduled'], to: 'cancelled' },
};

export type TransitionResult =
  { ok: true; to: MeetingStatus } | { ok: false; code: 'invalid_transition'; message: string };

export function isMeetingStatus(value: string): value is MeetingStatus {
  return (MEETING_STATUSES as readonly string[]).includes(value);
}

export function transition(from: MeetingStatus, event: MeetingEvent): TransitionResult {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(from))
    return { ok: false, code: 'invalid_transition', message: `A ${from} meeting cannot ${event.replace('_', ' ')}` };
  return { ok: true, to: rule.to ?? from };
}

/** The events a meeting in this status allows (drives which buttons the client offers). */
export function allowedEvents(from: MeetingStatus): MeetingEvent[] {
  return (Object.keys(TRANSITIONS) as MeetingEvent[]).filter((e) => TRANSITIONS[e].from.includes(from));
}

/** Statuses in which a meeting holds its room and its people's time. */
export function occupiesTime(status: MeetingStatus): boolean {
  return status === 'scheduled' || status === 'in_progress';
}

/** Participants are told about and can see a meeting once it leaves draft. */
export function isAnnounced(status: MeetingStatus): boolean {
  return status !== 'draft';
}
