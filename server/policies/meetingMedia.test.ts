import { describe, expect, it } from 'vitest';
import type { Subject } from '../auth/subject.ts';
import {
  authorize,
  can,
  mediaJoinDecision,
  produceAction,
  type LiveMeetingResource,
  type MediaJoinDecision,
} from './index.ts';
import type { MeetingResource } from './meetings.ts';

const base: Subject = {
  id: 'x',
  username: 'x',
  displayName: 'X',
  unitId: 'other',
  clearance: 1,
  adminRole: null,
  roles: ['staff'],
};
const who = {
  host: { ...base, id: 'host', roles: ['leader'], clearance: 3 },
  seated: { ...base, id: 'seated' },
  organiser: { ...base, id: 'creator', unitId: 'office', roles: ['clerk'] },
  outsider: { ...base, id: 'outsider' },
  uncleared: { ...base, id: 'uncleared', clearance: 0 },
  admin: { ...base, id: 'admin', adminRole: 'security', roles: [] },
} satisfies Record<string, Subject>;

function live(
  subject: Subject,
  over: Partial<LiveMeetingResource> = {},
  meeting: Partial<MeetingResource> = {},
): LiveMeetingResource {
  return {
    kind: 'liveMeeting',
    meeting: {
      kind: 'meeting',
      id: 'm',
      status: 'in_progress',
      organiserUnitId: 'office',
      classification: 1,
      createdById: 'creator',
      hostId: 'host',
      minuteTakerId: null,
      seat: ['seated', 'host'].includes(subject.id) ? { role: 'attendee' } : null,
      presenting: false,
      ...meeting,
    },
    mode: 'hybrid',
    hostUserId: 'host',
    locked: false,
    removed: false,
    admitted: false,
    blocked: new Set(),
    plenary: false,
    speaker: false,
    ...over,
  };
}

const enter: MediaJoinDecision = { outcome: 'enter' };
const lobbyWithPasscode: MediaJoinDecision = { outcome: 'lobby', passcodeRequired: true };
const lobby: MediaJoinDecision = { outcome: 'lobby', passcodeRequired: false };

describe('who enters an online meeting', () => {
  it.each<[string, Subject, Partial<LiveMeetingResource>, Partial<MeetingResource>, MediaJoinDecision]>([
    ['a participant goes straight in', who.seated, {}, {}, enter],
    ['the organiser goes straight in', who.organiser, {}, {}, enter],
    ['an outsider gives the passcode and waits in the lobby', who.outsider, {}, {}, lobbyWithPasscode],
    ['an outsider the host admitted comes back in', who.outsider, { admitted: true }, {}, enter],
    ['a locked meeting sends participants to the lobby', who.seated, { locked: true }, {}, lobby],
    ['a removed participant waits in the lobby', who.seated, { removed: true }, {}, lobby],
    ['the host enters a locked meeting', who.host, { locked: true }, {}, enter],
    [
      'whoever was handed the host role enters a locked meeting',
      who.seated,
      { locked: true, hostUserId: 'seated' },
      {},
      enter,
    ],
    ['not cleared for the classification', who.uncleared, {}, {}, { outcome: 'refuse', code: 'meeting_forbidden' }],
    ['administrators take no part in meetings', who.admin, {}, {}, { outcome: 'refuse', code: 'meeting_forbidden' }],
    [
      'an in-room meeting has no online part',
      who.seated,
      { mode: 'in_room' },
      {},
      { outcome: 'refuse', code: 'meeting_not_online' },
    ],
    ['a draft is not open', who.seated, {}, { status: 'draft' }, { outcome: 'refuse', code: 'meeting_not_live' }],
    [
      'an ended meeting is not open',
      who.host,
      {},
      { status: 'ended' },
      { outcome: 'refuse', code: 'meeting_not_live' },
    ],
  ])('%s', (_name, subject, over, meeting, expected) => {
    expect(mediaJoinDecision(subject, live(subject, over, meeting))).toEqual(expected);
  });
});

describe('who sends media and who moderates', () => {
  it('a blocked source may not be produced, others may; the host is never blocked', () => {
    const blocked = live(who.seated, { blocked: new Set(['mic']) });
    expect(can(who.seated, produceAction('mic'), blocked)).toBe(false);
    expect(can(who.seated, produceAction('camera'), blocked)).toBe(true);
    expect(can(who.seated, produceAction('screen'), blocked)).toBe(true);
    expect(can(who.host, produceAction('mic'), live(who.host, { blocked: new Set(['mic']) }))).toBe(true);
  });

  it.each<[string, Subject, Partial<LiveMeetingResource>, boolean]>([
    ['the live host moderates', who.host, {}, true],
    ['a participant does not', who.seated, {}, false],
    ['after a hand-over the new host does', who.seated, { hostUserId: 'seated' }, true],
    ['after a hand-over the old host does not', who.host, { hostUserId: 'seated' }, false],
    ['without a host, the organiser does', who.organiser, { hostUserId: null }, true],
    ['without a host, a participant still does not', who.seated, { hostUserId: null }, false],
  ])('%s', (_name, subject, over, expected) => {
    expect(can(subject, 'meeting.media.moderate', live(subject, over))).toBe(expected);
  });

  it.each<[string, Subject, Partial<LiveMeetingResource>, boolean]>([
    ['in a plenary a viewer sends nothing', who.seated, { plenary: true }, false],
    ['a speaker with the floor sends', who.seated, { plenary: true, speaker: true }, true],
    ['the floor does not lift a block', who.seated, { plenary: true, speaker: true, blocked: new Set(['mic']) }, false],
    ['the live host always sends', who.host, { plenary: true }, true],
    ['after a hand-over the old host needs the floor', who.host, { plenary: true, hostUserId: 'seated' }, false],
    ['the organiser without a host seat is a viewer too', who.organiser, { plenary: true }, false],
  ])('plenary microphone: %s', (_name, subject, over, expected) => {
    expect(can(subject, produceAction('mic'), live(subject, over))).toBe(expected);
  });

  it('a plenary viewer is told why, in English and Chinese; a blocked speaker that it is blocked', () => {
    const viewer = live(who.seated, { plenary: true });
    expect(() => authorize(who.seated, produceAction('camera'), viewer)).toThrow(
      expect.objectContaining({ code: 'not_a_speaker', message: expect.stringContaining('发言权') }),
    );
    const blocked = live(who.seated, { plenary: true, speaker: true, blocked: new Set(['camera']) });
    expect(() => authorize(who.seated, produceAction('camera'), blocked)).toThrow(
      expect.objectContaining({ code: 'media_blocked' }),
    );
  });

  it.each<[string, Subject, Partial<LiveMeetingResource>, boolean]>([
    ['the host names speakers in a plenary', who.host, { plenary: true }, true],
    ['a participant does not', who.seated, { plenary: true }, false],
    ['there are none to name outside a plenary', who.host, { plenary: false }, false],
  ])('speakers: %s', (_name, subject, over, expected) => {
    expect(can(subject, 'meeting.speaker.manage', live(subject, over))).toBe(expected);
  });

  it('media rules only apply to live meetings', () => {
    expect(can(who.host, 'meeting.media.moderate', { kind: 'system' })).toBe(false);
  });
});
