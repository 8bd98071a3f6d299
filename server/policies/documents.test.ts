import { describe, expect, it } from 'vitest';
import type { Subject } from '../auth/subject.ts';
import { documentAccess, type DocumentFacts, type ShareFacts } from './documents.ts';

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
