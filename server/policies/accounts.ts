// Accounts, units and the audit log (三员分立): the system administrator manages accounts and units, the security
// administrator roles, clearance and sign-in locks, the audit administrator reads and verifies the audit log. None
// acts on their own privileges. Mounted in the RULES of index.ts.
import type { Subject } from '../auth/subject.ts';
import { isAdministrator, isAuditAdmin, isSecurityAdmin, isSystemAdmin } from './predicates.ts';

export interface UserResource {
  kind: 'user';
  id: string;
  unitId: string;
}
export interface UnitResource {
  kind: 'unit';
  id: string;
}

const notSelf = (s: Subject, r: { kind: string }) => r.kind !== 'user' || (r as UserResource).id !== s.id;

export const accountRules = {
  // Directory: everyone signed in sees name, unit and title of everyone (needed to invite, mention, assign).
  'user.list': () => true,
  'user.create': (s: Subject) => isSystemAdmin(s),
  'user.update': (s: Subject) => isSystemAdmin(s),
  'user.disable': (s: Subject, r: { kind: string }) => isSystemAdmin(s) && notSelf(s, r),
  'user.resetPassword': (s: Subject, r: { kind: string }) => isSystemAdmin(s) && notSelf(s, r),
  'user.assignRoles': (s: Subject, r: { kind: string }) => isSecurityAdmin(s) && notSelf(s, r),
  'user.setClearance': (s: Subject, r: { kind: string }) => isSecurityAdmin(s) && notSelf(s, r),
  'user.unlock': (s: Subject, r: { kind: string }) => isSecurityAdmin(s) && notSelf(s, r),
  'user.resetMfa': (s: Subject, r: { kind: string }) => isSecurityAdmin(s) && notSelf(s, r),
  'unit.create': (s: Subject) => isSystemAdmin(s),
  'unit.update': (s: Subject) => isSystemAdmin(s),
  'audit.read': (s: Subject) => isAuditAdmin(s),
  'audit.verify': (s: Subject) => isAuditAdmin(s),
  /** Where keys, the audit head checkpoint and backups sit, and their state: the safeguards these two answer for. */
  'system.securityStatus': (s: Subject) => isSecurityAdmin(s) || isAuditAdmin(s),
  'admin.console': (s: Subject) => isAdministrator(s),
};

/**
 * How much of another person's profile a subject may see: administrators who manage accounts see all of it,
 * colleagues in the same unit see contact details, everyone else only the directory fields.
 */
export type UserView = 'full' | 'colleague' | 'directory';

export function userView(subject: Subject, target: UserResource): UserView {
  if (subject.id === target.id || isSystemAdmin(subject) || isSecurityAdmin(subject)) return 'full';
  if (subject.unitId === target.unitId) return 'colleague';
  return 'directory';
}
