// Sign-in, second factor, session and sign-out calls.
import { http } from './http.ts';
import type { Ok, Session, StageAnswer } from './types.ts';

export const authApi = {
  signIn: (username: string, password: string) =>
    http.post<StageAnswer>('/api/auth/sign-in', { username, password }, { expectUnauthorized: true }),
  verifySecondFactor: (code: string) => http.post<StageAnswer>('/api/auth/mfa', { code }, { expectUnauthorized: true }),
  session: () => http.get<Session>('/api/auth/session', { expectUnauthorized: true }),
  signOut: () => http.post<Ok>('/api/auth/sign-out'),
  signOutEverywhere: () => http.post<Ok>('/api/auth/sign-out-everywhere'),
};
