// Online-meeting rules (mounted in index.ts, the one place authorisation lives): who enters the meeting's media room
// and who waits in the lobby, who may send which media, who moderates. They build on joinDecision in meetings.ts
// and add what only exists while the meeting is live: the current host, the lock, removals, admissions, blocks.
import type { Subject } from '../auth/subject.ts';
import { Forbidden, type AppError } from '../errors.ts';
import type { MediaSource } from '../../media/signaling.ts';
import { joinDecision, meetingRules, type MeetingResource } from './meetings.ts';

/** The meeting as the media rules see it, for one subject, while it is live. */
export interface LiveMeetingResource {
  kind: 'liveMeeting';
  meeting: MeetingResource;
  /** in_room, online or hybrid. */
  mode: string;
  /** Who hosts right now (the meeting's host until it is handed over). */
  hostUserId: string | null;
  locked: boolean;
  /** The subject was removed by the host during this session. */
  removed: boolean;
  /** The host admitted the subject from the lobby during this session. */
  admitted: boolean;
  /** Sources the host has blocked for the subject. */
  blocked: ReadonlySet<MediaSource>;
  /** A plenary (全体会议/宣讲会): only the live host and the speakers they name send media. */
  plenary: boolean;
  /** The host gave the subject the floor (发言权) in a plenary. */
  speaker: boolean;
}

export type MediaJoinDecision =
  | { outcome: 'enter' }
  | { outcome: 'lobby'; passcodeRequired: boolean }
  | { outcome: 'refuse'; code: 'meeting_not_online' | 'meeting_not_live' | 'meeting_forbidden' };

const LIVE_STATUSES = new Set(['scheduled', 'in_progress']);

const isLiveHost = (s: Subject, r: LiveMeetingResource) => r.hostUserId === s.id;

/**
 * Entering the media room. The meeting's own people go straight in unless the host locked the meeting or removed
 * them; colleagues outside it give the passcode and wait for the host, once per session. The live host always enters.
 */
export function mediaJoinDecision(s: Subject, r: LiveMeetingResource): MediaJoinDecision {
  // Who may never join learns nothing of the meeting (not even its mode or status), so this is asked first.
  const base = joinDecision(s, r.meeting);
  if (base === 'refuse') return { outcome: 'refuse', code: 'meeting_forbidden' };
  if (r.mode !== 'online' && r.mode !== 'hybrid') return { outcome: 'refuse', code: 'meeting_not_online' };
  if (!LIVE_STATUSES.has(r.meeting.status)) return { outcome: 'refuse', code: 'meeting_not_live' };
  if (isLiveHost(s, r)) return { outcome: 'enter' };
  if (r.admitted) return { outcome: 'enter' };
  if (base === 'admit')
    return r.locked || r.removed ? { outcome: 'lobby', passcodeRequired: false } : { outcome: 'enter' };
  return { outcome: 'lobby', passcodeRequired: true };
}

type LiveRule = (s: Subject, r: LiveMeetingResource) => boolean;
const onLive = (rule: LiveRule) => (s: Subject, r: { kind: string }) =>
  r.kind === 'liveMeeting' && rule(s, r as LiveMeetingResource);

/** Who moderates: the live host, or, while there is none, the people who manage the meeting. */
const moderates: LiveRule = (s, r) =>
  r.hostUserId === null ? meetingRules['meeting.manage'](s, r.meeting) : isLiveHost(s, r);

/** Sending a source: the live host always; anyone else unless it is blocked for them, in a plenary only a speaker. */
const produces =
  (source: MediaSource): LiveRule =>
  (s, r) =>
    isLiveHost(s, r) || (!r.blocked.has(source) && (!r.plenary || r.speaker));

export const meetingMediaRules = {
  /** Mute one or all, stop a camera or screen share, remove, lock, admit or reject, lower hands, hand over. */
  'meeting.media.moderate': onLive(moderates),
  /** Give someone the floor (发言权) in a plenary, or take it back. */
  'meeting.speaker.manage': onLive((s, r) => r.plenary && moderates(s, r)),
  'meeting.media.produce.mic': onLive(produces('mic')),
  'meeting.media.produce.camera': onLive(produces('camera')),
  'meeting.media.produce.screen': onLive(produces('screen')),
};

/** How a refusal to send reads: a plenary viewer without the floor is told so, anyone else that it is blocked. */
export function produceRefusal(r: { kind: string }): AppError {
  const live = r.kind === 'liveMeeting' ? (r as LiveMeetingResource) : null;
  if (live?.plenary && !live.speaker)
    return new Forbidden(
      'not_a_speaker',
      'In a plenary only the host and the speakers they give the floor send audio or video (全体会议中只有主持人和获得发言权的人可以发言)',
    );
  return new Forbidden('media_blocked', 'The host has turned this off for you (主持人已关闭您的此项权限)');
}

export const meetingMediaRefusals = {
  'meeting.media.produce.mic': produceRefusal,
  'meeting.media.produce.camera': produceRefusal,
  'meeting.media.produce.screen': produceRefusal,
  'meeting.speaker.manage': (r: { kind: string }) =>
    r.kind === 'liveMeeting' && !(r as LiveMeetingResource).plenary
      ? new Forbidden('not_plenary', 'Only a plenary has speakers to name (只有全体会议需要指定发言人)')
      : new Forbidden('not_host', 'Only the host can do this (只有主持人可以操作)'),
};

export function produceAction(source: MediaSource): keyof typeof meetingMediaRules {
  switch (source) {
    case 'mic':
      return 'meeting.media.produce.mic';
    case 'camera':
      return 'meeting.media.produce.camera';
    case 'screen':
      return 'meeting.media.produce.screen';
  }
}
