// Request and response shapes of full-text search.
import { z } from 'zod';
import { calendarDay } from '../../http/schemas.ts';
import { SEARCH_KINDS, SEARCH_MAX_PAGE } from '../../../common/search/searchApi.ts';

const day = calendarDay;

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).describe('words to find, space-separated; every word must occur'),
  kind: z.enum(SEARCH_KINDS).optional(),
  docType: z.string().min(1).max(64).optional().describe('文种 of a 公文 (notice, request …) or a meeting type'),
  unitId: z.string().min(1).max(64).optional().describe('the owning, issuing, organising or lead unit'),
  from: day.optional().describe('first day (China), inclusive'),
  to: day.optional().describe('last day (China), inclusive'),
  classification: z.coerce.number().int().min(0).max(3).optional().describe('密级: 0 公开, 1 内部, 2 秘密, 3 机密'),
  status: z.string().min(1).max(64).optional(),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  page: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).default(1),
});

const part = z.object({ text: z.string(), mark: z.boolean() });

export const searchBody = z.object({
  total: z.number().describe('readable hits, counted up to the limit'),
  totalCapped: z.boolean().describe('more hits than the limit: total is the limit'),
  page: z.number(),
  pageSize: z.number(),
  hits: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      id: z.string(),
      parentId: z.string(),
      title: z.array(part),
      snippet: z.array(part),
      unitId: z.string(),
      unitName: z.string(),
      docType: z.string().nullable(),
      status: z.string(),
      classification: z.number(),
      date: z.string(),
    }),
  ),
});
