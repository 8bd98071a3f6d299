import { z } from 'zod';
import { CLASSIFICATIONS, ROLE_NAMES } from '../../domain/roles.ts';

const directoryFields = {
  id: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  title: z.string(),
};

export const userBody = z.discriminatedUnion('view', [
  z.object({ view: z.literal('directory'), ...directoryFields }),
  z.object({
    view: z.literal('colleague'),
    ...directoryFields,
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  z.object({
    view: z.literal('full'),
    ...directoryFields,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    officePhone: z.string(),
    username: z.string(),
    roles: z.array(z.enum(ROLE_NAMES)),
    clearance: z.enum(CLASSIFICATIONS),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    mfaEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    passwordReset: z.object({ requestedAt: z.string(), expiresAt: z.string(), approved: z.boolean() }).nullable(),
  }),
]);

export const listQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  unitId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const listBody = z.object({
  items: z.array(userBody),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, . _ - only');
const contact = {
  email: z.email().max(128).nullable().optional(),
  phone: z.string().trim().max(32).nullable().optional(),
  officePhone: z.string().trim().max(32).optional(),
};

export const createBody = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(64),
  unitId: z.string().min(1).max(64),
  title: z.string().trim().max(64).optional(),
  ...contact,
});

export const createdBody = z.object({ id: z.string(), temporaryPassword: z.string().nullable() });

export const updateBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(64).optional(),
    unitId: z.string().min(1).max(64).optional(),
    title: z.string().trim().max(64).optional(),
    disabled: z.boolean().optional(),
    ...contact,
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const rolesBody = z.strictObject({ roles: z.array(z.enum(ROLE_NAMES)).max(8) });
export const clearanceBody = z.strictObject({ clearance: z.enum(CLASSIFICATIONS) });

/** One administrator's half of a user's one-time reset code, shown once. */
export const resetHalfBody = z.object({ code: z.string(), expiresAt: z.string() });
