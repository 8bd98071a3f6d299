// Sign-in, second factor, session and sign-out calls.
import { http } from './http.ts';
import type { Ok, Session, StageAnswer } from './types.ts';

export const authApi = {
  signIn: (username: string, password: string) =>
    http.post<StageAnswer>('/api/auth/sign-in', { username, password }, { expectUnauthorized: true }),
  verifySecondFactor: (code: string) => http.post<StageAnswer>('/api/auth/mfa', { code }, { expectUnauthorized: true }),
  session: () => http.get<Session>('/api/auth/session', { expectUnauthorized: true }),
  /** Sets a new password with both halves of a reset code (one from each administrator), from the sign-in page. */
  completePasswordReset: (body: { username: string; firstCode: string; secondCode: string; newPassword: string }) =>
    http.post<Ok>('/api/auth/password-reset', body),
  signOut: () => http.post<Ok>('/api/auth/sign-out'),
  signOutEverywhere: () => http.post<Ok>('/api/auth/sign-out-everywhere'),
};
