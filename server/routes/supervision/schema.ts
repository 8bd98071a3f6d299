// Request and response schemas of the supervision API (the client imports the types).
import { archiveStandingBody } from '../archive/schema.ts';
import { z } from 'zod';
import { calendarDay } from '../../http/schemas.ts';
import { CLASSIFICATIONS } from '../../domain/roles.ts';
import {
  BASIS_TYPES,
  EVENT_KINDS,
  PRIORITIES,
  TASK_ACTIONS,
  TASK_ROLES,
  TASK_STATUSES,
} from '../../domain/supervision/vocabulary.ts';

const id = z.string().min(1).max(64);
const isoDay = calendarDay;
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
const text = (max: number) => z.string().trim().min(1).max(max);

export const taskParams = z.strictObject({ id });
export const coordinationParams = z.strictObject({ id, coordinationId: id });
export const attachmentParams = z.strictObject({ attachmentId: id });

export const createBody = z.strictObject({
  title: text(200),
  basisType: z.enum(BASIS_TYPES),
  basisText: z.string().trim().max(5000).optional(),
  minutesDocumentId: id.nullable().optional(),
  decisionAnchor: z.string().max(200).nullable().optional(),
  sourceDocumentId: id.nullable().optional(),
  instructedById: id.nullable().optional(),
  leadUnitId: id,
  coUnitIds: z.array(id).max(30).default([]),
  ownerId: id.nullable().optional(),
  requirement: text(5000),
  dueDate: isoDay,
  priority: z.enum(PRIORITIES).default('normal'),
  classification: z.enum(CLASSIFICATIONS).default('internal'),
  supervisorId: id.nullable().optional(),
});

export const signBody = z.strictObject({ note: z.string().trim().max(1000).default('') });
export const assignBody = z
  .strictObject({ ownerId: id.optional(), coOwnerIds: z.array(id).max(30).optional() })
  .refine((b) => b.ownerId !== undefined || b.coOwnerIds !== undefined, 'name an owner or co-owners');
export const progressBody = z.strictObject({
  text: text(5000),
  percent: z.number().int().min(0).max(100),
  attachmentIds: z.array(id).max(20).default([]),
});
export const extensionBody = z.strictObject({ reason: text(2000), toDueDate: isoDay });
export const extensionDecisionBody = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});
export const coordinationBody = z.strictObject({ difficulty: text(2000), unitIds: z.array(id).max(30).default([]) });
export const coordinationOutcomeBody = z.strictObject({ outcome: text(2000) });
/** 催办: the message those who carry the task read in the notice. */
export const urgeBody = z.strictObject({ message: text(500) });
export const submitBody = z.strictObject({ summary: text(5000), attachmentIds: z.array(id).max(20).default([]) });
export const acceptanceBody = z.discriminatedUnion('accept', [
  z.strictObject({ accept: z.literal(true), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ accept: z.literal(false), requirement: text(2000), dueDate: isoDay }),
]);

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const listQuery = z.strictObject({
  scope: z.enum(['mine', 'unit', 'desk']).default('desk'),
  status: z
    .union([z.enum(TASK_STATUSES), z.array(z.enum(TASK_STATUSES))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  unitId: id.optional(),
  basisType: z.enum(BASIS_TYPES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  dueFrom: isoDay.optional(),
  dueTo: isoDay.optional(),
  overdue: bool.optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const exportQuery = listQuery.omit({ page: true, pageSize: true });

export const coUnitView = z.object({ id: z.string(), name: z.string(), signed: z.boolean() });
export const taskSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  basisType: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.string(),
  classification: z.number(),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  coUnits: z.array(coUnitView),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  supervisorId: z.string(),
  supervisorName: z.string(),
  dueDate: z.string(),
  rectifyDueDate: z.string().nullable(),
  deadlineDate: z.string(),
  progress: z.number(),
  overdue: z.boolean(),
  overdueDays: z.number(),
  lateDays: z.number(),
  returnCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const taskList = z.object({
  items: z.array(taskSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  kind: z.string(),
  size: z.number(),
  uploadedById: z.string(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export const taskDetailBody = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  basisType: z.enum(BASIS_TYPES),
  basisText: z.string(),
  minutesDocument: z
    .object({ id: z.string(), title: z.string().nullable(), anchor: z.string().nullable(), readable: z.boolean() })
    .nullable(),
  sourceDocument: z
    .object({
      id: z.string(),
      title: z.string().nullable(),
      readable: z.boolean(),
      /** The 公文 whose 正文 this is, when the basis is a 公文 (转为督办). */
      officialDocumentId: z.string().nullable(),
    })
    .nullable(),
  instructedById: z.string().nullable(),
  instructedByName: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  priority: z.string(),
  classification: z.number(),
  requirement: z.string(),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  coUnits: z.array(coUnitView.extend({ signedAt: z.string().nullable() })),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  coOwners: z.array(z.object({ id: z.string(), name: z.string(), unitId: z.string() })),
  supervisorId: z.string(),
  supervisorName: z.string(),
  createdById: z.string(),
  createdByName: z.string(),
  dueDate: z.string(),
  originalDueDate: z.string(),
  rectification: z.string().nullable(),
  rectifyDueDate: z.string().nullable(),
  deadlineDate: z.string(),
  returnCount: z.number(),
  progress: z.number(),
  overdue: z.boolean(),
  overdueDays: z.number(),
  lateDays: z.number(),
  signedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  myRoles: z.array(z.enum(TASK_ROLES)),
  actions: z.array(z.enum(TASK_ACTIONS)),
  /** Whether I may urge the task now (催办: its supervisors, while the work is owed; the daily limit still applies). */
  mayUrge: z.boolean(),
  archive: archiveStandingBody,
  assignUnitId: z.string().nullable(),
  extensions: z.array(
    z.object({
      id: z.string(),
      reason: z.string(),
      fromDueDate: z.string(),
      toDueDate: z.string(),
      status: z.string(),
      requestedByName: z.string().nullable(),
      decidedByName: z.string().nullable(),
      decisionNote: z.string().nullable(),
      createdAt: z.string(),
      decidedAt: z.string().nullable(),
    }),
  ),
  coordinations: z.array(
    z.object({
      id: z.string(),
      difficulty: z.string(),
      units: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
      status: z.string(),
      outcome: z.string().nullable(),
      raisedByName: z.string().nullable(),
      resolvedByName: z.string().nullable(),
      createdAt: z.string(),
      resolvedAt: z.string().nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      kind: z.enum(EVENT_KINDS),
      text: z.string(),
      percent: z.number().nullable(),
      actorId: z.string().nullable(),
      actorName: z.string().nullable(),
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
      attachments: z.array(attachmentView),
    }),
  ),
  pendingAttachments: z.array(attachmentView),
});

export const createdBody = z.object({ id: z.string() });
export const attachmentBody = z.object({ id: z.string(), kind: z.string(), size: z.number() });

export const statsQuery = z.strictObject({ from: month.optional(), to: month.optional(), unitId: id.optional() });
const unitStats = z.object({
  unitId: z.string(),
  unitName: z.string(),
  total: z.number(),
  completed: z.number(),
  completedOnTime: z.number(),
  open: z.number(),
  overdue: z.number(),
  completionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  averageDaysLate: z.number(),
});
export const statsBody = z.object({
  from: z.string(),
  to: z.string(),
  units: z.array(unitStats),
  totals: unitStats,
  trend: z.array(
    z.object({
      month: z.string(),
      created: z.number(),
      completed: z.number(),
      completedOnTime: z.number(),
      completionRate: z.number().nullable(),
      onTimeRate: z.number().nullable(),
    }),
  ),
});

export const dashboardBody = z.object({
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), overdue: z.number(), atRisk: z.number() })),
  overdue: z.array(taskSummary),
  atRisk: z.array(taskSummary),
});

export const capabilitiesBody = z.object({
  create: z.boolean(),
  createAnyBasis: z.boolean(),
  desk: z.boolean(),
  dashboard: z.boolean(),
  statisticsAllUnits: z.boolean(),
  reminderDays: z.array(z.number()),
  maxAttachmentMb: z.number(),
});
export const personBody = z.object({ id: z.string(), displayName: z.string(), unitId: z.string(), title: z.string() });
export const peopleQuery = z.strictObject({ role: z.enum(['supervisor', 'leader']).optional(), unitId: id.optional() });

export const tickBody = z.object({ sent: z.number(), notifications: z.number() });
