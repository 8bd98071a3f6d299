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

const base = '/api/users';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (query: UserQuery) => http.get<UserList>(base, { query: { ...query } }),
  get: (id: string) => http.get<UserPresentation>(one(id)),
  create: (body: NewUser) => http.post<CreatedUser>(base, body),
  update: (id: string, changes: UserChanges) => http.patch<Ok>(one(id), changes),
  resetPassword: (id: string) => http.post<{ temporaryPassword: string }>(`${one(id)}/reset-password`),
  setRoles: (id: string, roles: RoleName[]) => http.put<Ok>(`${one(id)}/roles`, { roles }),
  setClearance: (id: string, clearance: Classification) => http.put<Ok>(`${one(id)}/clearance`, { clearance }),
  unlock: (id: string) => http.post<Ok>(`${one(id)}/unlock`),
  resetMfa: (id: string) => http.post<Ok>(`${one(id)}/reset-mfa`),
};
