import { describe, expect, it } from 'vitest';
import {
  classificationLevel,
  parseRoleNames,
  requiresMfa,
  roleAssignmentProblem,
  type RoleAssignment,
} from './roles.ts';

describe('roleAssignmentProblem', () => {
  const cases: Array<[string, RoleAssignment, string | null]> = [
    ['staff only', { adminRole: null, roles: ['staff'] }, null],
    ['leader and supervisor', { adminRole: null, roles: ['leader', 'supervisor'] }, null],
    ['system admin alone', { adminRole: 'system', roles: [] }, null],
    ['audit admin alone', { adminRole: 'audit', roles: [] }, null],
    ['security admin who is also staff', { adminRole: 'security', roles: ['staff'] }, 'admin_with_business_role'],
    ['nothing at all', { adminRole: null, roles: [] }, 'no_role'],
    ['a role twice', { adminRole: null, roles: ['clerk', 'clerk'] }, 'duplicate_role'],
  ];
  it.each(cases)('%s', (_name, assignment, expected) => {
    expect(roleAssignmentProblem(assignment)).toBe(expected);
  });
});

describe('requiresMfa', () => {
  it.each<[RoleAssignment, boolean]>([
    [{ adminRole: 'system', roles: [] }, true],
    [{ adminRole: 'audit', roles: [] }, true],
    [{ adminRole: null, roles: ['leader'] }, true],
    [{ adminRole: null, roles: ['staff', 'clerk'] }, false],
    [{ adminRole: null, roles: ['supervisor'] }, false],
  ])('%j → %s', (assignment, expected) => {
    expect(requiresMfa(assignment, 'privileged')).toBe(expected);
  });

  it.each<RoleAssignment>([
    { adminRole: null, roles: ['staff'] },
    { adminRole: null, roles: ['staff', 'clerk'] },
    { adminRole: null, roles: ['supervisor'] },
    { adminRole: 'security', roles: [] },
  ])('%j → true when every account must use one', (assignment) => {
    expect(requiresMfa(assignment, 'all')).toBe(true);
  });
});

describe('classification order', () => {
  it('公开 < 内部 < 秘密 < 机密', () => {
    expect(classificationLevel('public')).toBeLessThan(classificationLevel('internal'));
    expect(classificationLevel('internal')).toBeLessThan(classificationLevel('secret'));
    expect(classificationLevel('secret')).toBeLessThan(classificationLevel('confidential'));
  });
});

describe('parseRoleNames', () => {
  it.each<[string[], string | null]>([
    [['staff'], null],
    [['system_admin'], null],
    [['system_admin', 'security_admin'], 'admin_roles_exclusive'],
    [['security_admin', 'audit_admin'], 'admin_roles_exclusive'],
    [['system_admin', 'security_admin', 'audit_admin'], 'admin_roles_exclusive'],
    [['audit_admin', 'leader'], 'admin_with_business_role'],
    [[], 'no_role'],
  ])('%j → %s', (names, problem) => {
    const parsed = parseRoleNames(names as never);
    expect('problem' in parsed ? parsed.problem : null).toBe(problem);
  });
});
