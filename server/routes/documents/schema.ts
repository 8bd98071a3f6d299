import { z } from 'zod';
import { VERSION_NAME_KEYS } from '../../domain/documents/versionNames.ts';
import { CLASSIFICATIONS } from '../../domain/roles.ts';
import { ACCESS_LEVELS } from '../../policies/documents.ts';

export const documentBody = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  classification: z.enum(CLASSIFICATIONS),
  status: z.string(),
  reviewMode: z.boolean(),
  access: z.enum(ACCESS_LEVELS),
  contextType: z.string().nullable(),
  contextId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const createBody = z.strictObject({
  kind: z.enum(['draft', 'minutes', 'material', 'whiteboard']),
  title: z.string().trim().min(1).max(200),
  classification: z.enum(CLASSIFICATIONS).default('internal'),
});

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(['draft', 'minutes', 'material', 'whiteboard']).optional(),
  status: z.string().max(20).optional(),
  scope: z.enum(['all', 'mine', 'shared', 'unit', 'recent']).default('all'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const patchBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    classification: z.enum(CLASSIFICATIONS).optional(),
    reviewMode: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const shareBody = z.object({
  granteeType: z.enum(['user', 'unit']),
  granteeId: z.string().min(1).max(64),
  access: z.enum(['view', 'comment', 'suggest', 'edit']),
});
export const sharesBody = z.strictObject({ shares: z.array(shareBody.strict()).max(500) });
export const shareView = shareBody.extend({ granteeName: z.string().nullable() });

/** serverTime lets the editor stamp suggestions with the server's clock rather than a drifting device clock. */
export const tokenBody = z.object({
  token: z.string(),
  expiresAt: z.string(),
  documentName: z.string(),
  access: z.enum(ACCESS_LEVELS),
  url: z.string(),
  serverTime: z.string(),
});

export const versionBody = z.object({
  id: z.string(),
  name: z.string().describe('as typed; for a version the system named, a zh-CN fallback of nameKey'),
  nameKey: z
    .enum(VERSION_NAME_KEYS)
    .nullable()
    .describe('a name to render in the reader’s language with nameParams; null: show name'),
  nameParams: z
    .object({ by: z.string().nullable(), byId: z.string(), decisions: z.number().int() })
    .nullable()
    .describe('review_decisions: who decided and how many tracked changes in all; null on rows from before parameters'),
  reason: z.string(),
  contentHash: z.string(),
  createdById: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const suggestionBody = z.object({
  id: z.string(),
  kinds: z.array(z.string()),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  at: z.string().nullable(),
  text: z.string(),
  from: z.number(),
});

export const decideBody = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  ids: z.array(z.string().max(120)).min(1).max(1000).optional(),
  authorId: z.string().max(64).optional(),
  all: z.literal(true).optional(),
});

const mentions = z.array(z.string().max(64)).max(50).default([]);
export const threadCreateBody = z.strictObject({
  quote: z.string().max(1000).default(''),
  body: z.string().trim().min(1).max(5000),
  mentions,
});
export const replyBody = z.strictObject({ body: z.string().trim().min(1).max(5000), mentions });
export const threadBody = z.object({
  id: z.string(),
  quote: z.string(),
  createdById: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedById: z.string().nullable(),
  comments: z.array(
    z.object({
      id: z.string(),
      authorId: z.string(),
      authorName: z.string(),
      body: z.string(),
      mentions: z.array(z.string()),
      createdAt: z.string(),
    }),
  ),
});

export const diffBody = z.object({
  from: z.string(),
  to: z.string(),
  blocks: z.array(
    z.object({
      type: z.string(),
      status: z.enum(['same', 'inserted', 'deleted']),
      authorId: z.string().nullable(),
      segments: z.array(
        z.object({
          text: z.string(),
          status: z.enum(['same', 'inserted', 'deleted']),
          authorId: z.string().nullable(),
        }),
      ),
    }),
  ),
  authors: z.record(z.string(), z.string()),
});
