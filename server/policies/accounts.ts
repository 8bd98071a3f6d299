// Accounts, units and the audit log (三员分立): the system administrator manages accounts and units, the security
// administrator roles, clearance and sign-in locks, the audit administrator reads and verifies the audit log. No
// administrator acts on an administrator's account, their own included: those change only through the operator CLI
// on the server. A password reset takes both the system and the security administrator (two-person rule). Mounted in
// the RULES and REFUSALS of index.ts.
import type { Subject } from '../auth/subject.ts';
import { Forbidden, type AppError } from '../errors.ts';
import { isAdministrator, isAuditAdmin, isSecurityAdmin, isSystemAdmin } from './predicates.ts';

export interface UserResource {
  kind: 'user';
  id: string;
  unitId: string;
  /** The account's administrator duty, if it is one of the three administrators'. */
  adminRole: string | null;
}
export interface UnitResource {
  kind: 'unit';
  id: string;
}

/** An administrator's account (their own included) is out of every administrator's reach. */
const administratorAccount = (r: { kind: string }) => r.kind === 'user' && isAdministrator(r as UserResource);
const businessAccount = (r: { kind: string }) => !administratorAccount(r);

export const accountRules = {
  // Directory: everyone signed in sees name, unit and title of everyone (needed to invite, mention, assign).
  'user.list': () => true,
  'user.create': (s: Subject) => isSystemAdmin(s),
  'user.update': (s: Subject, r: { kind: string }) => isSystemAdmin(s) && businessAccount(r),
  'user.disable': (s: Subject, r: { kind: string }) => isSystemAdmin(s) && businessAccount(r),
  /** Request a reset: the system administrator is shown one half of the user's one-time code. */
  'user.resetPassword': (s: Subject, r: { kind: string }) => isSystemAdmin(s) && businessAccount(r),
  /** Approve a requested reset: the security administrator is shown the other half. */
  'user.approvePasswordReset': (s: Subject, r: { kind: string }) => isSecurityAdmin(s) && businessAccount(r),
  /** Includes making a business account an administrator; an administrator's account is changed by the operator CLI. */
  'user.assignRoles': (s: Subject, r: { kind: string }) => isSecurityAdmin(s) && businessAccount(r),
  'user.setClearance': (s: Subject, r: { kind: string }) => isSecurityAdmin(s) && businessAccount(r),
  'user.unlock': (s: Subject, r: { kind: string }) => isSecurityAdmin(s) && businessAccount(r),
  'user.resetMfa': (s: Subject, r: { kind: string }) => isSecurityAdmin(s) && businessAccount(r),
  'unit.create': (s: Subject) => isSystemAdmin(s),
  'unit.update': (s: Subject) => isSystemAdmin(s),
  'audit.read': (s: Subject) => isAuditAdmin(s),
  'audit.verify': (s: Subject) => isAuditAdmin(s),
  /** Where keys, the audit head checkpoint and backups sit, and their state: the safeguards these two answer for. */
  'system.securityStatus': (s: Subject) => isSecurityAdmin(s) || isAuditAdmin(s),
  'admin.console': (s: Subject) => isAdministrator(s),
};

const onAdministrator = (r: { kind: string }): AppError =>
  administratorAccount(r)
    ? new Forbidden(
        'admin_account',
        'Administrators do not act on administrator accounts (三员分立); the operator changes those with the server CLI',
      )
    : new Forbidden();

/** How a refused action on an account reads: an administrator's account says why, whoever asked. */
export const accountRefusals = {
  'user.update': onAdministrator,
  'user.disable': onAdministrator,
  'user.resetPassword': onAdministrator,
  'user.approvePasswordReset': onAdministrator,
  'user.assignRoles': onAdministrator,
  'user.setClearance': onAdministrator,
  'user.unlock': onAdministrator,
  'user.resetMfa': onAdministrator,
} satisfies Partial<Record<keyof typeof accountRules, (r: { kind: string }) => AppError>>;

/**
 * How much of another person's profile a subject may see: administrators who manage accounts see all of it,
 * colleagues in the same unit see contact details, everyone else only the directory fields.
 */
export type UserView = 'full' | 'colleague' | 'directory';

export function userView(subject: Subject, target: Pick<UserResource, 'id' | 'unitId'>): UserView {
  if (subject.id === target.id || isSystemAdmin(subject) || isSecurityAdmin(subject)) return 'full';
  if (subject.unitId === target.unitId) return 'colleague';
  return 'directory';
}
