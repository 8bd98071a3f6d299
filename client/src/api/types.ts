// API shapes, taken from the server's own schemas (type-only imports: nothing of the server reaches the bundle).
import type { z } from 'zod';
import type { sessionBody, stageBody } from '../../../server/routes/auth/schema.ts';
import type { eventBody, verdictBody } from '../../../server/routes/audit/index.ts';
import type { notificationBody } from '../../../server/routes/notifications/index.ts';
import type { unitBody } from '../../../server/routes/units/index.ts';
import type { createBody, createdBody, listBody, updateBody, userBody } from '../../../server/routes/users/schema.ts';
import type { Classification, RoleName } from '../../../server/domain/roles.ts';

export type { Classification, RoleName };
export type Session = z.infer<typeof sessionBody>;
export type SessionUser = Session['user'];
export type Stage = Session['stage'];
export type StageAnswer = z.infer<typeof stageBody>;

export type UserPresentation = z.infer<typeof userBody>;
export type FullUser = Extract<UserPresentation, { view: 'full' }>;
export type UserList = z.infer<typeof listBody>;
export type NewUser = z.input<typeof createBody>;
export type UserChanges = z.input<typeof updateBody>;
export type CreatedUser = z.infer<typeof createdBody>;

export type Unit = z.infer<typeof unitBody>;
export type AuditEvent = z.infer<typeof eventBody>;
export type ChainVerdict = z.infer<typeof verdictBody>;
export type Notification = z.infer<typeof notificationBody>;

export interface Ok {
  ok: true;
}

/** Mirrors server/domain/roles.ts; kept as values because the client needs them at run time. */
export const BUSINESS_ROLES = [
  'staff',
  'clerk',
  'leader',
  'supervisor',
  'archivist',
] as const satisfies readonly RoleName[];
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly RoleName[];
export const CLASSIFICATIONS = [
  'public',
  'internal',
  'secret',
  'confidential',
] as const satisfies readonly Classification[];
export type BusinessRoleName = (typeof BUSINESS_ROLES)[number];
export type AdminRoleName = (typeof ADMIN_ROLES)[number];
