import { describe, expect, it } from 'vitest';
import type { Subject } from '../auth/subject.ts';
import { can, capabilities, type Action } from './index.ts';
import { joinDecision, type MeetingResource } from './meetings.ts';

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
  creator: { ...base, id: 'creator', unitId: 'office', roles: ['clerk'] },
  officeClerk: { ...base, id: 'clerk2', unitId: 'office', roles: ['clerk'] },
  officeStaff: { ...base, id: 'staff1', unitId: 'office', roles: ['staff'] },
  host: { ...base, id: 'host', roles: ['leader'], clearance: 3 },
  minutes: { ...base, id: 'minutes' },
  seated: { ...base, id: 'seated' },
  presenter: { ...base, id: 'presenter' },
  outsider: { ...base, id: 'outsider' },
  admin: { ...base, id: 'admin', unitId: 'office', adminRole: 'system', roles: [] },
} satisfies Record<string, Subject>;

function meeting(subject: Subject, over: Partial<MeetingResource> = {}): MeetingResource {
  return {
    kind: 'meeting',
    id: 'm',
    status: 'scheduled',
    organiserUnitId: 'office',
    classification: 1,
    createdById: 'creator',
    hostId: 'host',
    minuteTakerId: 'minutes',
    seat: ['seated', 'host', 'minutes', 'presenter'].includes(subject.id) ? { role: 'attendee' } : null,
    presenting: subject.id === 'presenter',
    ...over,
  };
}

const ACTIONS: Action[] = [
  'meeting.view',
  'meeting.manage',
  'meeting.run',
  'meeting.reply',
  'meeting.signIn',
  'meeting.material.read',
  'meeting.material.upload',
];
// view, manage, run, reply, signIn, material.read, material.upload
const TABLE: Record<keyof typeof who, string> = {
  creator: 'yyynnyy',
  officeClerk: 'yyynnyy',
  officeStaff: 'ynnnnnn',
  host: 'yyyyyyy',
  minutes: 'ynyyyyn',
  seated: 'ynnyyyn',
  presenter: 'ynnyyyy',
  outsider: 'nnnnnnn',
  admin: 'nnnnnnn',
};

describe('meeting rules', () => {
  const cases = (Object.keys(TABLE) as Array<keyof typeof who>).flatMap((name) =>
    ACTIONS.map((action, i) => [name, action, TABLE[name][i] === 'y'] as const),
  );
  it.each(cases)('%s %s → %s', (name, action, expected) => {
    expect(can(who[name], action, meeting(who[name]))).toBe(expected);
  });

  it.each<[string, Subject, Partial<MeetingResource>, Action, boolean]>([
    ['a draft is hidden from its participants', who.seated, { status: 'draft' }, 'meeting.view', false],
    ['a draft is hidden from the organising unit', who.officeStaff, { status: 'draft' }, 'meeting.view', false],
    ['a draft is the organisers’ to see', who.officeClerk, { status: 'draft' }, 'meeting.view', true],
    [
      'a presenter uploads only once it is announced',
      who.presenter,
      { status: 'draft' },
      'meeting.material.upload',
      false,
    ],
    [
      'clearance below the classification hides everything, even from the creator',
      { ...who.creator, clearance: 1 },
      { classification: 2 },
      'meeting.view',
      false,
    ],
    ['…and from a participant', who.seated, { classification: 2 }, 'meeting.material.read', false],
    ['a cleared host manages a 机密 meeting', who.host, { classification: 3 }, 'meeting.manage', true],
    ['a clerk of another unit does not manage', { ...who.officeClerk, unitId: 'finance' }, {}, 'meeting.manage', false],
  ])('%s', (_n, subject, over, action, expected) => {
    expect(can(subject, action, meeting(subject, over))).toBe(expected);
  });

  it('never lets a meeting rule pass on something that is not a meeting', () => {
    for (const action of ACTIONS) expect(can(who.creator, action, { kind: 'system' })).toBe(false);
  });

  it('offers clerks and leaders scheduling and rooms; administrators nothing of it', () => {
    expect(capabilities(who.creator)).toEqual(expect.arrayContaining(['meeting.create', 'room.list', 'room.manage']));
    expect(capabilities(who.host)).toEqual(expect.arrayContaining(['meeting.create', 'room.list']));
    expect(capabilities(who.host)).not.toContain('room.manage');
    expect(capabilities(who.seated)).not.toContain('meeting.create');
    expect(capabilities(who.admin).filter((a) => a.startsWith('meeting.') || a.startsWith('room.'))).toEqual([]);
  });

  it.each<[string, Subject, Partial<MeetingResource>, string]>([
    ['participants go straight in', who.seated, {}, 'admit'],
    ['organisers go straight in', who.officeClerk, {}, 'admit'],
    ['cleared colleagues wait in the lobby', who.outsider, {}, 'lobby'],
    ['the organising unit’s staff wait in the lobby too', who.officeStaff, {}, 'lobby'],
    ['uncleared people are refused', who.outsider, { classification: 2 }, 'refuse'],
    ['administrators are refused', who.admin, {}, 'refuse'],
  ])('join: %s', (_n, subject, over, expected) => {
    expect(joinDecision(subject, meeting(subject, over))).toBe(expected);
  });
});
