// The signed-in person as the policies see them.
import type { AdminRole, BusinessRole, RoleAssignment } from '../domain/roles.ts';

export interface Subject extends RoleAssignment {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  clearance: number;
}

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  clearance: number;
  adminRole: string | null;
  roles: Array<{ role: string }>;
}

export function subjectFromUser(u: UserRow): Subject {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    unitId: u.unitId,
    clearance: u.clearance,
    adminRole: u.adminRole as AdminRole | null,
    roles: u.roles.map((r) => r.role as BusinessRole),
  };
}
