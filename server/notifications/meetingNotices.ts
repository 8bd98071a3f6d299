// The notices people get about meetings, with the meeting's own title, time and place as parameters (the time is
// written on the meeting's clock, in the reader's language, when the notice is shown).
import type { MeetingMode } from '../domain/meetings/vocabulary.ts';
import { notice, type NewNotification } from './notificationHub.ts';

export type MeetingNoticeKind =
  | 'meeting.scheduled'
  | 'meeting.rescheduled'
  | 'meeting.updated'
  | 'meeting.cancelled'
  | 'meeting.uninvited'
  | 'meeting.substitute'
  | 'meeting.substitute_released'
  | 'meeting.leave_requested'
  | 'meeting.reminder'
  | 'meeting.rsvp_reminder';

export interface NoticeMeeting {
  id: string;
  title: string;
  startAt: Date;
  endAt: Date;
  timeZone: string;
  mode: string;
  room: { name: string; location: string } | null;
  cancelReason?: string | null;
}

/** Where a meeting takes place, in zh-CN: for the minutes' header and the calendar file. */
export function placeOf(m: Pick<NoticeMeeting, 'mode' | 'room'>): string {
  const room = m.room ? `${m.room.name}${m.room.location ? `（${m.room.location}）` : ''}` : '';
  if (m.mode === 'online') return '线上会议';
  if (m.mode === 'hybrid') return room ? `${room}，同时线上参会` : '线上线下同步';
  return room || '地点待定';
}

export interface NoticeExtra {
  /** The user a leave request or substitution is about (named by their display name). */
  personId?: string;
  reason?: string;
  /** Minutes before the start, for reminders. */
  offsetMinutes?: number;
  /** The recipient has another meeting at that time. */
  clash?: boolean;
}

function required<T>(value: T | undefined, kind: MeetingNoticeKind, what: string): T {
  if (value === undefined) throw new Error(`${kind} needs ${what}`);
  return value;
}

export function meetingNotice(
  userId: string,
  kind: MeetingNoticeKind,
  m: NoticeMeeting,
  extra: NoticeExtra = {},
): NewNotification {
  const link = `/meetings/${m.id}`;
  const meeting = m.title;
  const when = { start: m.startAt, end: m.endAt, timeZone: m.timeZone };
  const place = { mode: m.mode as MeetingMode, room: m.room ? { name: m.room.name, location: m.room.location } : null };
  const clash = extra.clash ?? false;
  const about = { kind: 'meeting', id: m.id } as const;
  // Said to someone just taken off the meeting, about what they knew from their seat.
  const formerSeat = { kind: 'formerSeat', meetingId: m.id } as const;
  switch (kind) {
    case 'meeting.scheduled':
    case 'meeting.rescheduled':
      return notice(userId, kind, { meeting, when, place, clash }, link, about);
    case 'meeting.updated':
      return notice(userId, kind, { meeting, when, place }, link, about);
    case 'meeting.cancelled':
      return notice(userId, kind, { meeting, when, reason: m.cancelReason ?? '' }, link, about);
    case 'meeting.uninvited':
      return notice(userId, kind, { meeting, when }, link, formerSeat);
    case 'meeting.substitute':
      return notice(
        userId,
        kind,
        { meeting, person: required(extra.personId, kind, 'a person'), when, place, clash },
        link,
        about,
      );
    case 'meeting.substitute_released':
      return notice(
        userId,
        kind,
        { meeting, person: required(extra.personId, kind, 'a person'), when },
        link,
        formerSeat,
      );
    case 'meeting.leave_requested':
      return notice(
        userId,
        kind,
        { meeting, person: required(extra.personId, kind, 'a person'), reason: extra.reason ?? '' },
        link,
        about,
      );
    case 'meeting.reminder':
    case 'meeting.rsvp_reminder':
      return notice(
        userId,
        kind,
        { meeting, lead: required(extra.offsetMinutes, kind, 'a lead time'), when, place },
        link,
        about,
      );
  }
}
