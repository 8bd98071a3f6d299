// First-run setup: whether it is needed, and creating the organisation and its three administrators.
import { http } from './http.ts';
import type { Ok } from './types.ts';

export interface AdminAccount {
  username: string;
  displayName: string;
  password: string;
}

export interface SetupRequest {
  token: string;
  organisationName: string;
  system: AdminAccount;
  security: AdminAccount;
  audit: AdminAccount;
}

export const setupApi = {
  status: () => http.get<{ needed: boolean }>('/api/setup'),
  run: (body: SetupRequest) => http.post<Ok>('/api/setup', body),
};
