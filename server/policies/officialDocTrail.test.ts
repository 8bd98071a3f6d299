// Who urges a 公文's handlers (催办), who sees its 查阅留痕, and who keeps a unit's templates: every person × the rule.
import { describe, expect, it } from 'vitest';
import type { Subject } from '../auth/subject.ts';
import type { Route } from '../domain/officialDocs/vocabulary.ts';
import { can } from './index.ts';
import { officialDocResource } from './officialDocs.ts';
import { templateResource } from './officialDocTemplates.ts';

const person = (id: string, unitId: string, roles: Subject['roles'] = ['staff'], clearance = 1): Subject => ({
  id,
  username: id,
  displayName: id,
  unitId,
  clearance,
  adminRole: null,
  roles,
});
const people = {
  drafter: person('drafter', 'BUREAU'),
  sender: person('sender', 'BUREAU', ['leader'], 2),
  handler: person('handler', 'OTHER', ['leader'], 2),
  office: person('office', 'OFFICE', ['clerk']),
  officeLeader: person('officeLeader', 'OFFICE', ['leader']),
  colleague: person('colleague', 'BUREAU'),
  stranger: person('stranger', 'OTHER'),
  auditor: { ...person('auditor', 'OFFICE', []), adminRole: 'audit', clearance: 3 },
} satisfies Record<string, Subject>;
type Who = keyof typeof people;

function route(status: Route['status']): Route {
  return {
    status,
    drafterId: 'drafter',
    urgent: false,
    current: status === 'in_route' ? 1 : -1,
    sentBy: status === 'in_route' ? { userId: 'sender', from: 0 } : null,
    returned: null,
    steps: [
      {
        id: 'review',
        name: '审核',
        kind: 'single',
        mode: 'all',
        opinion: 'review',
        candidates: null,
        skipWhenUrgent: false,
        state: 'done',
        handlers: [{ userId: 'sender', state: 'done', addedBy: null, actedBy: null }],
      },
      {
        id: 'signoff',
        name: '签发',
        kind: 'single',
        mode: 'all',
        opinion: 'signoff',
        candidates: null,
        skipWhenUrgent: false,
        state: status === 'in_route' ? 'active' : 'future',
        handlers: [{ userId: 'handler', state: 'pending', addedBy: null, actedBy: null }],
      },
    ],
  };
}
const doc = (status: Route['status']) =>
  officialDocResource({
    id: 'd',
    unitId: 'BUREAU',
    officeUnitId: 'OFFICE',
    drafterId: 'drafter',
    classification: 1,
    route: route(status),
    formerHandlerIds: status === 'in_route' ? ['sender'] : [],
  });
const allowed = (action: Parameters<typeof can>[1], resource: Parameters<typeof can>[2]) =>
  (Object.keys(people) as Who[]).filter((w) => can(people[w], action, resource));

describe('催办 and 查阅留痕', () => {
  it('lets the drafter, the sender and the office urge while the 公文 is in its route', () => {
    expect(allowed('officialDoc.urge', doc('in_route'))).toEqual(['drafter', 'sender', 'office']);
    for (const status of ['draft', 'signed_off', 'numbered', 'sealed'] as const)
      expect(allowed('officialDoc.urge', doc(status)), status).toEqual([]);
  });

  it('shows reads and downloads to the drafter and the office, not to others who read the 公文', () => {
    expect(allowed('officialDoc.view', doc('in_route'))).toEqual([
      'drafter',
      'sender',
      'handler',
      'office',
      'officeLeader',
      'colleague',
    ]);
    expect(allowed('officialDoc.readAccessLog', doc('in_route'))).toEqual(['drafter', 'office']);
    // Clearance first: an office clerk not cleared for a 秘密 公文 sees nothing of it.
    const secret = { ...doc('in_route'), facts: { ...doc('in_route').facts, classification: 2 } };
    expect(allowed('officialDoc.readAccessLog', secret)).toEqual([]);
  });
});

describe('templates', () => {
  it('are used by the unit’s people and its office’s clerks, kept by the clerks only', () => {
    const templates = templateResource('BUREAU', 'OFFICE');
    expect(allowed('officialDocTemplate.use', templates)).toEqual(['drafter', 'sender', 'office', 'colleague']);
    expect(allowed('officialDocTemplate.manage', templates)).toEqual(['office']);
  });

  it('route templates (流程模板) likewise: used by the unit and its office, kept by the office', () => {
    const templates = templateResource('BUREAU', 'OFFICE');
    expect(allowed('officialDocRouteTemplate.use', templates)).toEqual(['drafter', 'sender', 'office', 'colleague']);
    expect(allowed('officialDocRouteTemplate.manage', templates)).toEqual(['office']);
  });
});
