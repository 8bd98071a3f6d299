// Who reads a 公文 and who acts on it, asked through the one registry; how the route engine's refusals answer.
import { describe, expect, it } from 'vitest';
import type { Subject } from '../auth/subject.ts';
import { applyRouteAction } from '../domain/officialDocs/routeEngine.ts';
import { newRoute, type Route, type StepPlan } from '../domain/officialDocs/vocabulary.ts';
import { can } from './index.ts';
import { officialDocActions, officialDocResource, routeRefusal, type OfficialDocFacts } from './officialDocs.ts';

const person = (id: string, over: Partial<Subject> = {}): Subject => ({
  id,
  username: id,
  displayName: id,
  unitId: 'other',
  clearance: 1,
  adminRole: null,
  roles: ['staff'],
  ...over,
});

const plan: StepPlan[] = [
  {
    id: 'r',
    name: '审核',
    kind: 'single',
    mode: 'all',
    opinion: 'review',
    handlers: ['h'],
    candidates: null,
    skipWhenUrgent: false,
  },
  {
    id: 's',
    name: '签发',
    kind: 'single',
    mode: 'all',
    opinion: 'signoff',
    handlers: ['s'],
    candidates: null,
    skipWhenUrgent: false,
  },
];

function submittedRoute(): Route {
  const outcome = applyRouteAction(
    newRoute('d'),
    { userId: 'd', actingFor: [], office: false },
    {
      action: 'submit',
      plan,
      urgent: false,
    },
  );
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.route;
}

const facts = (over: Partial<OfficialDocFacts> = {}): OfficialDocFacts => ({
  id: 'o',
  unitId: 'U',
  officeUnitId: 'OFFICE',
  drafterId: 'd',
  classification: 1,
  route: submittedRoute(),
  formerHandlerIds: [],
  ...over,
});

describe('reading a 公文', () => {
  it.each<[string, Subject, readonly string[], boolean]>([
    ['the drafter', person('d'), [], true],
    ['a member of the issuing unit', person('m', { unitId: 'U' }), [], true],
    ['a member of its office', person('c', { unitId: 'OFFICE', roles: ['clerk'] }), [], true],
    ['a handler of the route, before their turn', person('s'), [], true],
    ['someone who gave an opinion on an earlier round', person('old'), [], true],
    ['a deputy of a handler', person('dep'), ['h'], true],
    ['a stranger', person('x'), [], false],
    ['a handler not cleared', person('h', { clearance: 0 }), [], false],
    ['an administrator of the unit', person('a', { unitId: 'U', adminRole: 'system', roles: [] }), [], false],
  ])('%s: %s', (_, subject, actingFor, expected) => {
    const r = officialDocResource(facts({ formerHandlerIds: ['old'] }), actingFor);
    expect(can(subject, 'officialDoc.view', r)).toBe(expected);
  });
});

describe('acting on a 公文 through the registry', () => {
  it('the current handler approves; the signer waits; the office numbers only once signed off', () => {
    const r = officialDocResource(facts());
    expect(can(person('h'), 'officialDoc.approve', r)).toBe(true);
    expect(can(person('s'), 'officialDoc.signOff', r)).toBe(false);
    expect(can(person('dep'), 'officialDoc.approve', officialDocResource(facts(), ['h']))).toBe(true);
    const office = person('c', { unitId: 'OFFICE', roles: ['clerk'] });
    expect(can(office, 'officialDoc.number', r)).toBe(false);
    const signed = officialDocResource(facts({ route: { ...facts().route, status: 'signed_off' } }));
    expect(can(office, 'officialDoc.number', signed)).toBe(true);
    expect(can(person('m', { unitId: 'OFFICE' }), 'officialDoc.number', signed)).toBe(false);
    expect(officialDocActions(person('x'), r)).toEqual([]);
  });

  it('manages numbers only as the issuing unit’s office', () => {
    const unit = { kind: 'issuingUnit' as const, unitId: 'U', officeUnitId: 'OFFICE' };
    expect(can(person('c', { unitId: 'OFFICE', roles: ['clerk'] }), 'officialDoc.manageNumbers', unit)).toBe(true);
    expect(can(person('l', { unitId: 'U', roles: ['leader'] }), 'officialDoc.manageNumbers', unit)).toBe(false);
  });
});

describe('refusals', () => {
  it.each([
    ['role', 403, 'not_your_step'],
    ['closed', 409, 'official_doc_closed'],
    ['already_acted', 409, 'already_acted'],
    ['moved_on', 409, 'moved_on'],
    ['already_opened', 409, 'already_opened'],
    ['reason_required', 400, 'reason_required'],
    ['bad_plan', 400, 'bad_plan'],
  ] as const)('%s → %i %s, in Chinese and English', (reason, status, code) => {
    const err = routeRefusal(reason);
    expect([err.statusCode, err.code]).toEqual([status, code]);
    expect(err.message).toMatch(/[A-Za-z].*\(.*[\u4e00-\u9fff].*\)/);
  });
});
