import { describe, expect, it } from 'vitest';
import type { Subject } from '../auth/subject.ts';
import { documentAccess, type DocumentFacts, type ShareFacts } from './documents.ts';
import type { MeetingResource } from './meetings.ts';

const staff: Subject = {
  id: 'u1',
  username: 'u1',
  displayName: 'U1',
  unitId: 'A',
  clearance: 1,
  adminRole: null,
  roles: ['staff'],
};
const leader: Subject = { ...staff, id: 'l1', roles: ['leader'], clearance: 3 };
const doc: DocumentFacts = {
  id: 'd',
  ownerId: 'o',
  unitId: 'A',
  classification: 1,
  status: 'editing',
  reviewMode: false,
  deletedAt: null,
};
const share = (granteeType: string, granteeId: string, access: string): ShareFacts => ({
  granteeType,
  granteeId,
  access,
});

describe('documentAccess', () => {
  it.each<[string, Subject, Partial<DocumentFacts>, ShareFacts[], string]>([
    ['owner manages', { ...staff, id: 'o' }, {}, [], 'manage'],
    ['unit member views', staff, {}, [], 'view'],
    ['unit leader comments', leader, {}, [], 'comment'],
    ['other unit sees nothing', { ...staff, unitId: 'B' }, {}, [], 'none'],
    ['user share gives edit', { ...staff, unitId: 'B' }, {}, [share('user', 'u1', 'edit')], 'edit'],
    ['unit share gives suggest', { ...staff, unitId: 'B' }, {}, [share('unit', 'B', 'suggest')], 'suggest'],
    ['comment-only share', { ...staff, unitId: 'B' }, {}, [share('user', 'u1', 'comment')], 'comment'],
    ['clearance below classification', staff, { classification: 2 }, [share('user', 'u1', 'edit')], 'none'],
    ['review mode turns edit into suggest', staff, { reviewMode: true }, [share('user', 'u1', 'edit')], 'suggest'],
    ['review mode keeps the owner editing', { ...staff, id: 'o' }, { reviewMode: true }, [], 'manage'],
    ['finalised is read-only for everyone', { ...staff, id: 'o' }, { status: 'finalised' }, [], 'view'],
    ['a 公文’s drafter edits its draft', { ...staff, id: 'o' }, { contextType: 'official_document' }, [], 'manage'],
    [
      'a 公文’s drafter only reads it in its route',
      { ...staff, id: 'o' },
      { contextType: 'official_document', reviewMode: true },
      [],
      'view',
    ],
    [
      'a 公文’s drafter named to a step suggests',
      { ...staff, id: 'o' },
      { contextType: 'official_document', reviewMode: true },
      [share('user', 'o', 'suggest')],
      'suggest',
    ],
    [
      'administrators see no content',
      { ...staff, adminRole: 'system', roles: [] },
      {},
      [share('user', 'u1', 'edit')],
      'none',
    ],
    ['deleted documents are gone', { ...staff, id: 'o' }, { deletedAt: new Date() }, [], 'none'],
  ])('%s', (_n, subject, facts, shares, expected) => {
    expect(documentAccess(subject, { ...doc, ...facts }, shares)).toBe(expected);
  });
});

describe('documentAccess of a meeting’s minutes (the minutes read rule, not unit membership)', () => {
  const minutes: DocumentFacts = { ...doc, contextType: 'meeting' };
  const meeting = (seat: { role: string } | null, extra: Partial<MeetingResource> = {}): MeetingResource => ({
    kind: 'meeting',
    id: 'm',
    status: 'scheduled',
    organiserUnitId: 'A',
    classification: 1,
    createdById: 'c',
    hostId: 'h',
    minuteTakerId: 'o',
    seat,
    presenting: false,
    ...extra,
  });
  it.each<[string, Subject, MeetingResource | null, ShareFacts[], string]>([
    ['a unit colleague not at the meeting reads nothing', staff, meeting(null), [], 'none'],
    ['a unit leader not at the meeting reads nothing', leader, meeting(null), [], 'none'],
    ['an attendee of another unit reads', { ...staff, unitId: 'B' }, meeting({ role: 'attendee' }), [], 'view'],
    [
      'an attendee of a draft meeting reads nothing',
      staff,
      meeting({ role: 'attendee' }, { status: 'draft' }),
      [],
      'none',
    ],
    ['a clerk of the organising unit reads', { ...staff, roles: ['clerk'] }, meeting(null), [], 'view'],
    ['the minute-taker owns them', { ...staff, id: 'o' }, meeting(null), [], 'manage'],
    [
      'the host edits through the minutes share',
      { ...staff, id: 'h' },
      meeting(null),
      [share('user', 'h', 'edit')],
      'edit',
    ],
    ['a unit they were distributed to reads (纪要印发)', staff, meeting(null), [share('unit', 'A', 'view')], 'view'],
    ['without the meeting nobody reads by the minutes rule', { ...staff, unitId: 'B' }, null, [], 'none'],
    [
      'clearance below the meeting',
      { ...staff, unitId: 'B' },
      meeting({ role: 'attendee' }, { classification: 2 }),
      [],
      'none',
    ],
  ])('%s', (_n, subject, m, shares, expected) => {
    expect(documentAccess(subject, minutes, shares, m)).toBe(expected);
  });
});
