// The 档案 API's shapes: list filters, a package as listed and in detail, a verification verdict.
import { z } from 'zod';
import { RETENTION_KEYS } from '../../../common/archive/archive.ts';

export const listQuery = z.strictObject({
  year: z.coerce.number().int().min(1900).max(9999).optional(),
  unitId: z.string().min(1).max(64).optional(),
  retention: z.enum(RETENTION_KEYS as [string, ...string[]]).optional(),
  status: z.enum(['queued', 'built', 'sealed']).optional(),
  destruction: z.enum(['listed', 'approved']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** Where closed minutes or a completed task stand in the archive, on their own pages (queries/archive/archiveStanding). */
export const archiveStandingBody = z.object({
  status: z.enum(['queued', 'built', 'sealed']).nullable().describe('its package, null when none was asked for'),
  archiveNumber: z.string().nullable().describe('档号, once sealed'),
  canRequest: z.boolean().describe('whether the caller may ask to archive it now (policies: archive.request)'),
});

export const packageBody = z.object({
  id: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  kind: z.string(),
  title: z.string(),
  retention: z.string(),
  classification: z.number(),
  status: z.string(),
  failure: z.string().nullable(),
  archiveNumber: z.string().nullable(),
  manifestSha256: z.string().nullable(),
  keepUntil: z.string().nullable(),
  createdAt: z.string(),
  builtAt: z.string().nullable(),
  sealedAt: z.string().nullable(),
  destruction: z.string().nullable(),
  destructionApprovedAt: z.string().nullable(),
  destructionReason: z.string().nullable(),
  /** Whether the caller (the unit's 档案员) seals it, sets its 期限 and approves its destruction. */
  manage: z.boolean(),
});

export const packageDetailBody = packageBody.extend({
  files: z.array(z.object({ path: z.string(), role: z.string(), sha256: z.string(), size: z.number() })),
  manifest: z.string().nullable(),
});

export const verdictBody = z.object({
  packageId: z.string(),
  archiveNumber: z.string().nullable(),
  ok: z.boolean(),
  checked: z.number(),
  problems: z.array(z.object({ path: z.string(), problem: z.string() })),
});

export const retentionBody = z.strictObject({ retention: z.enum(RETENTION_KEYS as [string, ...string[]]) });
export const destructionBody = z.strictObject({ reason: z.string().max(2000) });

export const requestBody = z.strictObject({
  objectType: z.enum(['minutes', 'supervision_task']),
  objectId: z.string().min(1).max(64),
});
