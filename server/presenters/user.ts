// User rows → API shapes, cut to what the viewer may see (policies.userView decides which).
import {
  classificationOfLevel,
  toRoleNames,
  type AdminRole,
  type BusinessRole,
  type Classification,
  type RoleAssignment,
  type RoleName,
} from '../domain/roles.ts';
import type { UserView } from '../policies/index.ts';

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  title: string;
  email: string | null;
  phone: string | null;
  officePhone: string;
  adminRole: string | null;
  clearance: number;
  disabled: boolean;
  lockedUntil: Date | null;
  totpEnabledAt: Date | null;
  lastLoginAt: Date | null;
  mustChangePassword: boolean;
  createdAt: Date;
  roles: Array<{ role: string }>;
  unit?: { name: string } | null;
  /** The open password reset, if any (at most one). */
  passwordResets?: Array<{ requestedAt: Date; expiresAt: Date; approvedAt: Date | null }>;
}

export interface DirectoryEntry {
  id: string;
  displayName: string;
  unitId: string;
  unitName: string | null;
  title: string;
}

export interface ColleagueEntry extends DirectoryEntry {
  email: string | null;
  phone: string | null;
}

export interface FullUser extends ColleagueEntry {
  officePhone: string;
  username: string;
  roles: RoleName[];
  clearance: Classification;
  disabled: boolean;
  lockedUntil: string | null;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  /** A reset requested by the system administrator, approved or still waiting for the security administrator. */
  passwordReset: { requestedAt: string; expiresAt: string; approved: boolean } | null;
}

export type UserPresentation =
  (DirectoryEntry & { view: 'directory' }) | (ColleagueEntry & { view: 'colleague' }) | (FullUser & { view: 'full' });

export function presentDirectoryEntry(u: UserRow): DirectoryEntry {
  return { id: u.id, displayName: u.displayName, unitId: u.unitId, unitName: u.unit?.name ?? null, title: u.title };
}

export function presentFullUser(u: UserRow): FullUser {
  return {
    ...presentDirectoryEntry(u),
    email: u.email,
    phone: u.phone,
    officePhone: u.officePhone,
    username: u.username,
    roles: toRoleNames({
      adminRole: u.adminRole as AdminRole | null,
      roles: u.roles.map((r) => r.role as BusinessRole),
    }),
    clearance: classificationOfLevel(u.clearance),
    disabled: u.disabled,
    lockedUntil: u.lockedUntil ? u.lockedUntil.toISOString() : null,
    mfaEnabled: u.totpEnabledAt !== null,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    passwordReset: presentPasswordReset(u.passwordResets?.[0]),
  };
}

function presentPasswordReset(
  r: { requestedAt: Date; expiresAt: Date; approvedAt: Date | null } | undefined,
): FullUser['passwordReset'] {
  return r
    ? {
        requestedAt: r.requestedAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
        approved: r.approvedAt !== null,
      }
    : null;
}

export function presentUser(u: UserRow, view: UserView): UserPresentation {
  switch (view) {
    case 'directory':
      return { view, ...presentDirectoryEntry(u) };
    case 'colleague':
      return { view, ...presentDirectoryEntry(u), email: u.email, phone: u.phone };
    case 'full':
      return { view, ...presentFullUser(u) };
  }
}

/** The signed-in person's own roles and clearance, as the session answer shows them to the client shell. */
export function presentOwnGrants(subject: RoleAssignment & { clearance: number }): {
  roles: RoleName[];
  clearance: Classification;
} {
  return { roles: toRoleNames(subject), clearance: classificationOfLevel(subject.clearance) };
}
