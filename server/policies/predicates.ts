// The small facts about a person every rule is built from, defined once: administrator or business user (三员分立:
// administrators hold no business role and see no content), the business roles, and clearance for a classification.
import type { AdminRole, BusinessRole } from '../domain/roles.ts';

/** What the predicates read about a person: the signed-in subject, or anyone else the rules ask about. */
export interface Holder {
  adminRole: AdminRole | string | null;
  roles: readonly (BusinessRole | string)[];
}

export const isAdministrator = (p: { adminRole: string | null }): boolean => p.adminRole !== null;
export const isSystemAdmin = (p: { adminRole: string | null }): boolean => p.adminRole === 'system';
export const isSecurityAdmin = (p: { adminRole: string | null }): boolean => p.adminRole === 'security';
export const isAuditAdmin = (p: { adminRole: string | null }): boolean => p.adminRole === 'audit';

/** A business user: anyone who is not an administrator. Only business users see or hold content. */
export const business = (p: { adminRole: string | null }): boolean => p.adminRole === null;

const holds = (p: Holder, role: BusinessRole): boolean => business(p) && p.roles.includes(role);
export const isLeader = (p: Holder): boolean => holds(p, 'leader');
export const isSupervisor = (p: Holder): boolean => holds(p, 'supervisor');
export const isClerk = (p: Holder): boolean => holds(p, 'clerk');
export const isArchivist = (p: Holder): boolean => holds(p, 'archivist');
/** Clerks and leaders sign for their unit and hand work down (一级抓一级). */
export const handlesForUnit = (p: Holder): boolean => isClerk(p) || isLeader(p);

/** Cleared for a classification level (公开 0 < 内部 1 < 秘密 2 < 机密 3). */
export const clearedFor = (p: { clearance: number }, classification: number): boolean => p.clearance >= classification;
