// Roles, administrator duties and clearance levels, and the rules for combining them (三员分立).

/** archivist: 档案员, who seals a unit's archive packages, sets their 保管期限 and approves destruction. */
export const BUSINESS_ROLES = ['staff', 'clerk', 'leader', 'supervisor', 'archivist'] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];

export const ADMIN_ROLES = ['system', 'security', 'audit'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** 公开 < 内部 < 秘密 < 机密 */
export const CLASSIFICATIONS = ['public', 'internal', 'secret', 'confidential'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export function classificationLevel(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c);
}

export function classificationOfLevel(level: number): Classification {
  const c = CLASSIFICATIONS[level];
  if (c === undefined) throw new Error(`No classification at level ${level}`);
  return c;
}

export interface RoleAssignment {
  adminRole: AdminRole | null;
  roles: readonly BusinessRole[];
}

/**
 * Returns why an assignment is not allowed, or null. An administrator account holds exactly one
 * administrator duty and no business role, so no account can act as another duty or as a user.
 */
export function roleAssignmentProblem(a: RoleAssignment): string | null {
  const unique = new Set(a.roles);
  if (unique.size !== a.roles.length) return 'duplicate_role';
  if (a.adminRole !== null && a.roles.length > 0) return 'admin_with_business_role';
  if (a.adminRole === null && a.roles.length === 0) return 'no_role';
  return null;
}

/** Who must sign in with a second factor (TONGBAN_MFA_REQUIRED): leaders and administrators, or every account. */
export type MfaRequirement = 'privileged' | 'all';

/** Leaders and administrators must use a second factor, and everyone when the deployment says so; others may. */
export function requiresMfa(a: RoleAssignment, requirement: MfaRequirement): boolean {
  return requirement === 'all' || a.adminRole !== null || a.roles.includes('leader');
}

/** The names the API uses for roles: business roles plus the three administrator duties. */
export const ROLE_NAMES = [...BUSINESS_ROLES, 'system_admin', 'security_admin', 'audit_admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export function toRoleNames(a: RoleAssignment): RoleName[] {
  return a.adminRole ? [`${a.adminRole}_admin` as RoleName] : [...a.roles];
}

/** Parses the API's role list into an assignment, or names why it cannot be held by one account. */
export function parseRoleNames(names: readonly RoleName[]): { assignment: RoleAssignment } | { problem: string } {
  const admins = names.filter((n) => n.endsWith('_admin')).map((n) => n.replace(/_admin$/, '') as AdminRole);
  const roles = names.filter((n): n is BusinessRole => !n.endsWith('_admin'));
  if (admins.length > 1) return { problem: 'admin_roles_exclusive' };
  const assignment: RoleAssignment = { adminRole: admins[0] ?? null, roles };
  const problem = roleAssignmentProblem(assignment);
  return problem ? { problem } : { assignment };
}
