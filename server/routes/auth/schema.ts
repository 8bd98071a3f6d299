import { z } from 'zod';

export const stage = z.enum(['mfa', 'mfa_enrolment', 'password_change', 'active']);

export const signInBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const stageBody = z.object({ stage, csrfToken: z.string() });

export const mfaBody = z.strictObject({ code: z.string().trim().min(6).max(20) });

/** Both halves of a reset code (one from each administrator) and the new password the user chose. */
export const passwordResetBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  firstCode: z.string().trim().min(1).max(32),
  secondCode: z.string().trim().min(1).max(32),
  newPassword: z.string().min(1).max(256),
});

export const sessionBody = z.object({
  stage,
  csrfToken: z.string(),
  expiresAt: z.string(),
  idleMinutes: z.number(),
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    unitId: z.string(),
    unitName: z.string().nullable(),
    title: z.string(),
    roles: z.array(z.string()),
    clearance: z.string(),
    locale: z.string(),
    mfaEnabled: z.boolean(),
    mfaRequired: z.boolean(),
  }),
  capabilities: z.array(z.string()),
});
