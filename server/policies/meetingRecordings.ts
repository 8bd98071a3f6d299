// Recording rules (mounted in index.ts, the one place authorisation lives): who starts and stops recording a live
// meeting, who is told it is being recorded, and who may see and play its recordings.
import type { Subject } from '../auth/subject.ts';
import { meetingMediaRules, type LiveMeetingResource } from './meetingMedia.ts';
import { joinDecision, meetingRules } from './meetings.ts';

type LiveRule = (s: Subject, r: LiveMeetingResource) => boolean;
const onLive = (rule: LiveRule) => (s: Subject, r: { kind: string }) =>
  r.kind === 'liveMeeting' && rule(s, r as LiveMeetingResource);

export const meetingRecordingRules = {
  /** Start and stop recording and mark the next agenda item: whoever moderates the live meeting (its host). */
  'meeting.recording.control': (s: Subject, r: { kind: string }) => meetingMediaRules['meeting.media.moderate'](s, r),
  /**
   * Be told that the meeting is being recorded (the red 录制中): everyone who may be in it at all, the admitted guests
   * included; nobody is recorded without knowing.
   */
  'meeting.recording.notice': onLive(
    (s, r) => r.admitted || r.hostUserId === s.id || joinDecision(s, r.meeting) !== 'refuse',
  ),
  /** See a meeting's recordings and play them: whoever may see the meeting. */
  'meeting.recording.view': (s: Subject, r: { kind: string }) => meetingRules['meeting.view'](s, r),
};
