// Request and response schemas of the minutes routes (会议纪要: template, finalise, confirm, close, PDF).
import { z } from 'zod';
import { CONFIRMATION_STATES, MINUTES_STATUSES } from '../../domain/minutes/minutesFlow.ts';
import { archiveStandingBody } from '../archive/schema.ts';

const id = z.string().min(1).max(64);

export const objectionParams = z.strictObject({ id, userId: id });
export const answerBody = z.strictObject({
  decision: z.enum(['confirm', 'object']),
  /** Required when objecting: what is wrong. */
  comment: z.string().max(2000).nullable().default(null),
});
export const resolveBody = z.strictObject({ resolution: z.string().trim().min(1).max(2000) });
export const reopenBody = z.strictObject({ reason: z.string().trim().max(500).default('') });

export const preparedBody = z.object({ documentId: z.string(), created: z.boolean() });

export const minutesBody = z.object({
  meetingId: z.string(),
  documentId: z.string(),
  status: z.enum(MINUTES_STATUSES),
  round: z.number(),
  finalisedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  version: z.object({ id: z.string(), contentHash: z.string(), signature: z.string() }).nullable(),
  confirmations: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      unitName: z.string(),
      state: z.enum(CONFIRMATION_STATES),
      comment: z.string().nullable().describe('only for the minute-taker, host, organisers and the writer'),
      resolution: z.string().nullable(),
      respondedAt: z.string().nullable(),
      resolvedAt: z.string().nullable(),
      resolvedBy: z
        .object({ id: z.string(), displayName: z.string() })
        .nullable()
        .describe('who answered the objection; for the same people as comment'),
    }),
  ),
  resolvers: z
    .array(z.object({ id: z.string(), displayName: z.string(), role: z.enum(['minute_taker', 'host', 'organiser']) }))
    .describe('who may answer objections: the minute-taker and the host (organisers stand in for a missing one)'),
  archive: archiveStandingBody,
  me: z.object({
    canEdit: z.boolean(),
    canFinalise: z.boolean(),
    canConfirm: z.boolean(),
    canResolve: z.boolean(),
    canClose: z.boolean(),
    canReopen: z.boolean(),
    confirmation: z.enum(CONFIRMATION_STATES).nullable(),
    closeBlockers: z.array(z.enum(['objections_open', 'meeting_not_ended'])),
  }),
});

export const closedBody = minutesBody.extend({
  proposals: z.object({ created: z.number(), updated: z.number(), withdrawn: z.number() }),
});

export const verificationBody = z.object({
  valid: z.boolean(),
  hashMatches: z.boolean(),
  signatureValid: z.boolean(),
  contentHash: z.string(),
  recomputedHash: z.string(),
  signature: z.string(),
  versionId: z.string(),
  closedAt: z.string(),
});
