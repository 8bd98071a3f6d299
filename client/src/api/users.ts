// The user directory and account administration.
import { http } from './http.ts';
import type {
  Classification,
  CreatedUser,
  NewUser,
  Ok,
  RoleName,
  UserChanges,
  UserList,
  UserPresentation,
} from './types.ts';

export interface UserQuery {
  q?: string;
  unitId?: string;
  page?: number;
  pageSize?: number;
}

/** One administrator's half of a user's one-time password reset code. */
export interface ResetHalf {
  code: string;
  expiresAt: string;
}

const base = '/api/users';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (query: UserQuery) => http.get<UserList>(base, { query: { ...query } }),
  get: (id: string) => http.get<UserPresentation>(one(id)),
  create: (body: NewUser) => http.post<CreatedUser>(base, body),
  update: (id: string, changes: UserChanges) => http.patch<Ok>(one(id), changes),
  /** The system administrator's half of the user's one-time reset code, shown once. */
  requestPasswordReset: (id: string) => http.post<ResetHalf>(`${one(id)}/password-reset`),
  /** The security administrator's half, shown once. */
  approvePasswordReset: (id: string) => http.post<ResetHalf>(`${one(id)}/password-reset/approve`),
  setRoles: (id: string, roles: RoleName[]) => http.put<Ok>(`${one(id)}/roles`, { roles }),
  setClearance: (id: string, clearance: Classification) => http.put<Ok>(`${one(id)}/clearance`, { clearance }),
  unlock: (id: string) => http.post<Ok>(`${one(id)}/unlock`),
  resetMfa: (id: string) => http.post<Ok>(`${one(id)}/reset-mfa`),
};
