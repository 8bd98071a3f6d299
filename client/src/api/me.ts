// The signed-in user's own account: password, authenticator enrolment, language.
import type { Locale } from '../i18n/index.ts';
import { http } from './http.ts';
import type { Ok, Stage } from './types.ts';

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

export interface EnrolmentConfirmed {
  recoveryCodes: string[];
  stage: Stage;
  csrfToken: string;
}

export const meApi = {
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<Ok>('/api/me/password', { currentPassword, newPassword }, { expectUnauthorized: true }),
  startEnrolment: () => http.post<Enrolment>('/api/me/mfa/enrolment'),
  confirmEnrolment: (code: string) =>
    http.post<EnrolmentConfirmed>('/api/me/mfa/enrolment/confirm', { code }, { expectUnauthorized: true }),
  setLocale: (locale: Locale) => http.patch<Ok>('/api/me', { locale }),
};
