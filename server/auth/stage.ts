// Where a session stands on the way to full access: second factor, enrolment, forced password change, then active.

export type SessionStage = 'mfa' | 'mfa_enrolment' | 'password_change' | 'active';

export function sessionStage(s: {
  mfaPending: boolean;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
}): SessionStage {
  if (s.mfaPending) return s.mfaEnabled ? 'mfa' : 'mfa_enrolment';
  if (s.mustChangePassword) return 'password_change';
  return 'active';
}
