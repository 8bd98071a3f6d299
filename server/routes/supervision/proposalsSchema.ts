// Request and response schemas of the task proposal routes (督查室 review of tasks proposed from closed minutes).
import { z } from 'zod';
import { calendarDay } from '../../http/schemas.ts';
import { CONFIDENCE_FIELDS } from '../../../common/minutes/types.ts';
import { MAX_DECISION_PARTIES, MAX_PARTY_NAME } from '../../../common/schema/decisionItem.ts';
import { MAX_SPLIT_PARTS } from '../../commands/proposals/proposalSplitter.ts';
import { MAX_MERGED } from '../../commands/proposals/proposalMerger.ts';
import { MAX_CONFIRMED_AT_ONCE } from '../../commands/proposals/proposalConfirmer.ts';
import { PROPOSAL_ORIGINS, PROPOSAL_STATUSES } from '../../domain/minutes/minutesProposals.ts';

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1).max(MAX_PARTY_NAME);
const units = z.array(z.strictObject({ unitId: id.nullable(), name })).max(MAX_DECISION_PARTIES);
const people = z.array(z.strictObject({ userId: id.nullable(), name })).max(MAX_DECISION_PARTIES);
const due = calendarDay.nullable();

export const proposalParams = z.strictObject({ id });
export const listQuery = z.strictObject({ meetingId: id.optional(), status: z.enum(PROPOSAL_STATUSES).optional() });

export const patchBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    sourceText: z.string().max(5000).optional(),
    leadUnits: units.optional(),
    coUnits: units.optional(),
    owners: people.optional(),
    coOwners: people.optional(),
    due: due.optional(),
    needsReview: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const addBody = z.strictObject({
  meetingId: id,
  decisionId: id.nullable().default(null),
  title: z.string().trim().min(1).max(200),
  sourceText: z.string().max(5000).default(''),
  leadUnits: units.default([]),
  coUnits: units.default([]),
  owners: people.default([]),
  coOwners: people.default([]),
  due: due.default(null),
  needsReview: z.boolean().default(false),
});

export const splitBody = z.strictObject({
  parts: z
    .array(z.strictObject({ title: z.string().trim().min(1).max(200), sourceText: z.string().max(5000).optional() }))
    .min(2)
    .max(MAX_SPLIT_PARTS),
});
export const mergeBody = z.strictObject({ ids: z.array(id).min(2).max(MAX_MERGED) });
export const confirmBody = z.strictObject({ ids: z.array(id).min(1).max(MAX_CONFIRMED_AT_ONCE) });

export const proposalBody = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  minutesDocumentId: z.string(),
  decisionId: z.string().nullable(),
  origin: z.enum(PROPOSAL_ORIGINS),
  title: z.string(),
  sourceText: z.string(),
  leadUnits: z.array(z.object({ unitId: z.string().nullable(), name: z.string() })),
  coUnits: z.array(z.object({ unitId: z.string().nullable(), name: z.string() })),
  owners: z.array(z.object({ userId: z.string().nullable(), name: z.string() })),
  coOwners: z.array(z.object({ userId: z.string().nullable(), name: z.string() })),
  due: z.string().nullable(),
  needsReview: z.boolean(),
  status: z.enum(PROPOSAL_STATUSES),
  edited: z.boolean(),
  parentId: z.string().nullable(),
  taskIds: z.array(z.string()),
  /** Fields read with low confidence, highlighted for review while pending. */
  uncertain: z.array(z.enum(CONFIDENCE_FIELDS)),
});
export const proposalListBody = z.object({ items: z.array(proposalBody) });
export const confirmedBody = z.object({ tasks: z.array(z.object({ id: z.string(), proposalId: z.string() })) });
