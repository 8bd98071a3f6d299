import { describe, expect, it } from 'vitest';
import type { Subject } from '../auth/subject.ts';
import { can, capabilities, type Action } from './index.ts';
import type { MeetingResource } from './meetings.ts';
import { canReviewProposal } from './minutes.ts';

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
  host: { ...base, id: 'host', roles: ['leader'], clearance: 3 },
  minutes: { ...base, id: 'minutes' },
  seated: { ...base, id: 'seated' },
  officeStaff: { ...base, id: 'staff1', unitId: 'office', roles: ['staff'] },
  supervisor: { ...base, id: 'sup', unitId: 'dc', roles: ['supervisor'] },
  admin: { ...base, id: 'admin', unitId: 'office', adminRole: 'system', roles: [] },
} satisfies Record<string, Subject>;

function meeting(subject: Subject, over: Partial<MeetingResource> = {}): MeetingResource {
  return {
    kind: 'meeting',
    id: 'm',
    status: 'ended',
    organiserUnitId: 'office',
    classification: 1,
    createdById: 'creator',
    hostId: 'host',
    minuteTakerId: 'minutes',
    seat: ['seated', 'host', 'minutes'].includes(subject.id) ? { role: 'attendee' } : null,
    presenting: false,
    ...over,
  };
}

const ACTIONS: Action[] = [
  'minutes.prepare',
  'minutes.read',
  'minutes.write',
  'minutes.confirm',
  'minutes.resolve',
  'minutes.close',
  'minutes.objections.read',
];
// prepare, read, write, confirm, resolve, close, objections.read
const TABLE: Record<keyof typeof who, string> = {
  creator: 'yynnnny',
  host: 'yynyyyy',
  minutes: 'yyyyyny',
  seated: 'nynynnn',
  officeStaff: 'nnnnnnn',
  supervisor: 'nnnnnnn',
  admin: 'nnnnnnn',
};

describe('minutes rules', () => {
  const cases = (Object.keys(TABLE) as Array<keyof typeof who>).flatMap((name) =>
    ACTIONS.map((action, i) => [name, action, TABLE[name][i] === 'y'] as const),
  );
  it.each(cases)('%s %s → %s', (name, action, expected) => {
    expect(can(who[name], action, meeting(who[name]))).toBe(expected);
  });

  it.each<[string, Subject, Partial<MeetingResource>, Action, boolean]>([
    [
      'organisers write the minutes of a meeting without a minute-taker',
      who.creator,
      { minuteTakerId: null },
      'minutes.write',
      true,
    ],
    ['organisers close the minutes of a meeting without a host', who.creator, { hostId: null }, 'minutes.close', true],
    [
      'organisers answer objections when the meeting names no minute-taker',
      who.creator,
      { minuteTakerId: null },
      'minutes.resolve',
      true,
    ],
    [
      'organisers answer objections when the meeting names no host',
      who.creator,
      { hostId: null },
      'minutes.resolve',
      true,
    ],
    ['a host without clearance answers none', who.host, { classification: 4 }, 'minutes.resolve', false],
    ['no minutes for a draft meeting', who.minutes, { status: 'draft' }, 'minutes.prepare', false],
    ['no minutes for a cancelled meeting', who.creator, { status: 'cancelled' }, 'minutes.prepare', false],
    ['clearance comes first', who.minutes, { classification: 2 }, 'minutes.write', false],
  ])('%s', (_label, subject, over, action, expected) => {
    expect(can(subject, action, meeting(subject, over))).toBe(expected);
  });

  it('lets supervisors review proposals they are cleared for', () => {
    expect(capabilities(who.supervisor)).toContain('proposal.review');
    expect(capabilities(who.host)).not.toContain('proposal.review');
    expect(canReviewProposal(who.supervisor, 1)).toBe(true);
    expect(canReviewProposal(who.supervisor, 2)).toBe(false);
    expect(canReviewProposal(who.creator, 0)).toBe(false);
  });
});
