import { describe, expect, it } from 'vitest';
import type { Subject } from '../auth/subject.ts';
import { ANNOTATION_CONTEXTS, annotationAccess, type AnnotationFacts } from './annotations.ts';
import { resolveDocumentAccess } from './documents.ts';
import { documentAccess } from './documents.ts';
import type { MeetingResource } from './meetings.ts';

const staff: Subject = {
  id: 'u1',
  username: 'u1',
  displayName: 'U1',
  unitId: 'B',
  clearance: 2,
  adminRole: null,
  roles: ['staff'],
};
const meeting: MeetingResource = {
  kind: 'meeting',
  id: 'm',
  status: 'in_progress',
  organiserUnitId: 'A',
  classification: 1,
  createdById: 'clerk',
  hostId: 'host',
  minuteTakerId: 'mt',
  seat: { role: 'attendee' },
  presenting: false,
};
const shared: AnnotationFacts = {
  id: 'd',
  ownerId: 'clerk',
  unitId: 'A',
  classification: 1,
  status: 'editing',
  reviewMode: false,
  deletedAt: null,
  contextType: ANNOTATION_CONTEXTS.sharedMaterial,
};
const privateLayer: AnnotationFacts = {
  ...shared,
  ownerId: 'u1',
  unitId: 'B',
  contextType: ANNOTATION_CONTEXTS.privateMaterial,
};

describe('annotationAccess', () => {
  it.each<[string, Subject, AnnotationFacts, Partial<MeetingResource> | null, string]>([
    ['a participant draws their own marks', staff, shared, {}, 'comment'],
    ["a presenter may also erase others'", staff, shared, { presenting: true }, 'edit'],
    ["the host may also erase others'", { ...staff, id: 'host' }, shared, { seat: null }, 'edit'],
    ['the minute-taker draws like a participant', { ...staff, id: 'mt' }, shared, { seat: null }, 'comment'],
    ['someone without a seat sees nothing', staff, shared, { seat: null }, 'none'],
    [
      'a unit colleague of the organisers without a seat sees nothing',
      { ...staff, unitId: 'A' },
      shared,
      { seat: null },
      'none',
    ],
    ['clearance below the meeting', { ...staff, clearance: 0 }, shared, {}, 'none'],
    ['clearance below the document', staff, { ...shared, classification: 3 }, {}, 'none'],
    ['administrators see nothing', { ...staff, adminRole: 'security', roles: [] }, shared, {}, 'none'],
    ['the material or meeting is gone', staff, shared, null, 'none'],
    ['a deleted document', staff, { ...shared, deletedAt: new Date() }, {}, 'none'],
    ['final minutes make it read-only', staff, shared, { status: 'minutes_finalised' }, 'view'],
    ['a cancelled meeting is read-only', { ...staff, id: 'host' }, shared, { status: 'cancelled' }, 'view'],
    ['my private layer is mine to edit', staff, privateLayer, {}, 'edit'],
    [
      "someone else's private layer is closed, even to the host",
      { ...staff, id: 'host' },
      privateLayer,
      { seat: null },
      'none',
    ],
    ['my private layer needs my seat still', staff, privateLayer, { seat: null }, 'none'],
    ['my private layer after the minutes are final', staff, privateLayer, { status: 'minutes_finalised' }, 'view'],
  ])('%s', (_n, subject, doc, m, expected) => {
    expect(annotationAccess(subject, doc, m === null ? null : { ...meeting, ...m })).toBe(expected);
  });

  it('never lets the owner, unit or share rules open an annotation document', () => {
    const owner = { ...staff, id: 'clerk', unitId: 'A' };
    expect(documentAccess(owner, shared, [{ granteeType: 'user', granteeId: 'clerk', access: 'edit' }])).toBe('none');
    expect(resolveDocumentAccess(owner, shared, [], { ...meeting, seat: null, createdById: 'clerk' })).toBe('edit');
    expect(resolveDocumentAccess(owner, { ...shared, contextType: null }, [], null)).toBe('manage');
  });
});
