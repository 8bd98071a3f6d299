// The notices people get about meetings, in the organisation's primary language (zh-CN), with the meeting's own
// title, time and place in them (so they are stored as written, not translated by the client).
import { describeRange } from '../domain/meetings/localTime.ts';
import type { NewNotification } from './notificationHub.ts';

export type MeetingNoticeKind =
  | 'meeting.scheduled' | 'meeting.rescheduled' | 'meeting.updated' | 'meeting.cancelled' | 'meeting.uninvited'
  | 'meeting.substitute' | 'meeting.substitute_released' | 'meeting.leave_requested' | 'meeting.reminder' | 'meeting.rsvp_reminder';

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

export function placeOf(m: Pick<NoticeMeeting, 'mode' | 'room'>): string {
  const room = m.room ? `${m.room.name}${m.room.location ? `（${m.room.location}）` : ''}` : '';
  if (m.mode === 'online') return '线上会议';
  if (m.mode === 'hybrid') return room ? `${room}，同时线上参会` : '线上线下同步';
  return room || '地点待定';
}

function lead(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} 天`;
  if (minutes % 60 === 0) return `${minutes / 60} 小时`;
  return `${minutes} 分钟`;
}

export interface NoticeExtra {
  /** The person a leave request or substitution is about. */
  name?: string;
  reason?: string;
  /** Minutes before the start, for reminders. */
  offsetMinutes?: number;
  /** The recipient has another meeting at that time. */
  clash?: boolean;
}

export function meetingNotice(userId: string, kind: MeetingNoticeKind, m: NoticeMeeting, extra: NoticeExtra = {}): NewNotification {
  const when = describeRange(m.startAt, m.endAt, m.timeZone);
  const where = placeOf(m);
  const clash = extra.clash ? '注意：与您的其他会议时间冲突。' : '';
  const text: Record<MeetingNoticeKind, { title: string; body: string }> = {
    'meeting.scheduled': { title: `会议通知：${m.title}`, body: `${when}，${where}。请及时回执。${clash}` },
    'meeting.rescheduled': { title: `会议时间地点变更：${m.title}`, body: `调整为 ${when}，${where}。${clash}` },
    'meeting.updated': { title: `会议信息变更：${m.title}`, body: `${when}，${where}。会议信息已更新，请查看。` },
    'meeting.cancelled': { title: `会议取消：${m.title}`, body: `原定 ${when} 的会议已取消。${m.cancelReason ? `原因：${m.cancelReason}` : ''}` },
    'meeting.uninvited': { title: `会议名单调整：${m.title}`, body: `您已不在 ${when} 这次会议的参会名单中。` },
    'meeting.substitute': { title: `代为参会：${m.title}`, body: `${extra.name ?? ''}请假，指定您代为参加。${when}，${where}。请及时回执。${clash}` },
    'meeting.substitute_released': { title: `无需代为参会：${m.title}`, body: `${extra.name ?? ''}已调整回执，您无需代为参加 ${when} 的会议。` },
    'meeting.leave_requested': { title: `请假：${extra.name ?? ''}（${m.title}）`, body: `理由：${extra.reason ?? ''}` },
    'meeting.reminder': { title: `会议提醒：${m.title}`, body: `距开始还有 ${lead(extra.offsetMinutes ?? 0)}：${when}，${where}。` },
    'meeting.rsvp_reminder': { title: `请回执：${m.title}`, body: `您尚未回执。距开始还有 ${lead(extra.offsetMinutes ?? 0)}：${when}，${where}。` },
  };
  return { userId, kind, ...text[kind], link: `/meetings/${m.id}` };
}
