// Request and response schemas of the 办文 API (the client imports the types).
import { z } from 'zod';
import {
  DISCLOSURE_KEYS,
  OFFICIAL_DOCUMENT_KIND_KEYS,
  RELATION_KINDS,
  URGENCY_KEYS,
} from '../../../common/officialDocs/catalogue.ts';
import { CLASSIFICATIONS } from '../../domain/roles.ts';
import { routeStepsSchema } from '../../domain/officialDocs/routeTemplates.ts';
import {
  HANDLER_STATES,
  PARALLEL_MODES,
  ROUTE_ACTIONS,
  ROUTE_ROLES,
  ROUTE_STATUSES,
  STEP_KINDS,
  STEP_STATES,
} from '../../domain/officialDocs/vocabulary.ts';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
const names = z.array(text(200)).max(100);
const isoDate = z.string().describe('ISO 8601 timestamp');

export const docParams = z.strictObject({ id });
export const idParams = z.strictObject({ id });

const fields = {
  title: text(200),
  kind: z.enum(OFFICIAL_DOCUMENT_KIND_KEYS),
  classification: z.enum(CLASSIFICATIONS),
  secrecyPeriod: z.string().trim().max(40),
  copyNumber: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/, 'digits (份号)'),
  urgency: z.enum(URGENCY_KEYS),
  mainRecipients: names,
  issuerSignature: text(200),
  remark: z.string().trim().max(2000),
  ccRecipients: names,
  disclosure: z.enum(DISCLOSURE_KEYS),
};

export const createBody = z.strictObject({
  ...fields,
  classification: fields.classification.default('internal'),
  secrecyPeriod: fields.secrecyPeriod.optional(),
  copyNumber: fields.copyNumber.optional(),
  urgency: fields.urgency.optional(),
  mainRecipients: names.optional(),
  issuerSignature: fields.issuerSignature.optional(),
  remark: fields.remark.optional(),
  ccRecipients: names.optional(),
  disclosure: fields.disclosure.optional(),
  answers: z.strictObject({ id, kind: z.enum(RELATION_KINDS) }).optional(),
  /** A template (公文模板) of the drafter's unit for this 文种: its 版头 and fields fill the 公文, its 正文 seeds the text. */
  templateId: id.optional(),
});
export const updateBody = z.strictObject(fields).partial();

export const submitBody = z.strictObject({
  /** The route step by step; or a route template of the 公文's unit (routeTemplateId), one of the two. */
  steps: routeStepsSchema.optional(),
  routeTemplateId: id.optional(),
  urgent: z.boolean().optional(),
  choose: z.array(id).max(50).optional(),
});

/** Typed text of an opinion: may be empty when the opinion is written by hand (the command then requires the ink). */
const opinionText = z.string().max(2000);
/**
 * Handwriting (手写签批): its shape here; its limits (strokes, points, widths, every point on the pad) are checked by the
 * command (common/officialDocs/opinionInk.ts), which answers 400 ink_invalid in Chinese and English.
 */
const opinionInk = z.strictObject({
  aspect: z.number(),
  strokes: z.array(z.strictObject({ points: z.string(), width: z.number() })),
});

export const stepBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('open') }),
  z.strictObject({
    action: z.literal('approve'),
    opinion: opinionText,
    ink: opinionInk.optional(),
    choose: z.array(id).max(50).optional(),
  }),
  z.strictObject({
    action: z.literal('return'),
    reason: z.string().max(2000),
    to: z.union([z.literal('drafter'), z.number().int().min(0).max(19)]),
  }),
  z.strictObject({ action: z.literal('withdraw') }),
  z.strictObject({ action: z.literal('addCountersigner'), userIds: z.array(id).min(1).max(20) }),
  z.strictObject({ action: z.literal('transfer'), toUserId: id }),
]);
export const signOffBody = z.strictObject({ opinion: opinionText, ink: opinionInk.optional() });
export const numberBody = z.strictObject({ reservedSeq: z.number().int().min(1).max(1_000_000).optional() });

export const reserveBody = z.strictObject({
  unitId: id,
  prefix: text(20).optional(),
  note: z.string().max(500).optional(),
});
export const voidBody = z.strictObject({
  unitId: id,
  prefix: text(20).optional(),
  year: z.number().int().min(2000).max(2999).optional(),
  seq: z.number().int().min(1).max(1_000_000),
  note: text(500),
});
export const reservedBody = z.object({ seq: z.number(), year: z.number(), prefix: z.string(), text: z.string() });

export const delegationBody = z.strictObject({
  deputyId: id,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  reason: z.string().max(500).optional(),
});

export const listQuery = z.strictObject({
  scope: z.enum(['todo', 'done', 'mine', 'unit']).default('todo'),
  status: z.enum(ROUTE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const person = z.object({ id: z.string(), name: z.string() });
export const detailBody = z.object({
  id: z.string(),
  documentId: z.string(),
  direction: z.string(),
  kind: z.string(),
  title: z.string(),
  classification: z.enum(CLASSIFICATIONS),
  secrecyPeriod: z.string(),
  copyNumber: z.string(),
  urgency: z.string(),
  issuerMark: z.string(),
  number: z.object({ prefix: z.string(), year: z.number(), seq: z.number(), text: z.string() }).nullable(),
  numberPrefix: z.string(),
  signers: z.array(z.string()),
  mainRecipients: z.array(z.string()),
  /** 附件说明: the attachments' names in order (GET /:id/attachments has the files). */
  attachmentNotes: z.array(z.string()),
  issuerSignature: z.string(),
  writtenOn: z.string().nullable(),
  remark: z.string(),
  ccRecipients: z.array(z.string()),
  printingUnit: z.string(),
  printedOn: z.string().nullable(),
  disclosure: z.string(),
  unitId: z.string(),
  drafter: person,
  status: z.enum(ROUTE_STATUSES),
  route: z.object({
    urgent: z.boolean(),
    current: z.number(),
    returned: z.object({ by: person, reason: z.string(), to: z.number() }).nullable(),
    steps: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(STEP_KINDS),
        mode: z.enum(PARALLEL_MODES),
        opinion: z.string(),
        state: z.enum(STEP_STATES),
        skipWhenUrgent: z.boolean(),
        /** 办理时限 in working days, when the step has one. */
        deadlineDays: z.number().nullable(),
        candidates: z.array(person).nullable(),
        handlers: z.array(
          person.extend({
            state: z.enum(HANDLER_STATES),
            addedBy: person.nullable(),
            actedBy: person.nullable(),
            /** The due date (YYYY-MM-DD) of a handler the step waits for now, when it has a deadline. */
            dueOn: z.string().nullable(),
          }),
        ),
      }),
    ),
  }),
  opinions: z.array(
    z.object({
      id: z.string(),
      stepId: z.string(),
      stepName: z.string(),
      kind: z.string(),
      decision: z.string(),
      text: z.string(),
      /** The handwriting when the opinion was written by hand (common/officialDocs/opinionInk.ts). */
      ink: z
        .object({ aspect: z.number(), strokes: z.array(z.object({ points: z.string(), width: z.number() })) })
        .nullable(),
      by: person,
      onBehalfOf: person.nullable(),
      at: isoDate,
    }),
  ),
  relations: z.array(
    z.object({ kind: z.string(), direction: z.enum(['answers', 'answeredBy']), id: z.string(), title: z.string() }),
  ),
  myRoles: z.array(z.enum(ROUTE_ROLES)),
  actions: z.array(z.enum(ROUTE_ACTIONS)),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const summaryBody = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.enum(ROUTE_STATUSES),
  urgency: z.string(),
  classification: z.enum(CLASSIFICATIONS),
  number: z.string().nullable(),
  drafter: z.string(),
  /** The 办理时限 (YYYY-MM-DD) of the current step, the listing person's own when it waits for them. */
  dueOn: z.string().nullable(),
  updatedAt: isoDate,
});
export const listBody = z.object({
  items: z.array(summaryBody),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
