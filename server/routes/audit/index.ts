// The audit log, readable only by the audit administrator; the chain can be verified from the UI too.
import { routeArea } from '../../http/routeArea.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { verifyAuditLog } from '../../commands/audit/auditChainVerifier.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { searchAudit } from '../../queries/audit/auditSearch.ts';

export const eventBody = z.object({
  seq: z.number(),
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  outcome: z.string(),
  ip: z.string(),
  userAgent: z.string(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

const query = z.strictObject({
  actor: z.string().trim().max(64).optional().describe('user id or the name as recorded'),
  action: z.string().trim().max(64).optional().describe('exact action or a prefix ending in "."'),
  outcome: z.enum(['success', 'failure']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const verdictBody = z.object({
  ok: z.boolean(),
  events: z.number(),
  brokenAt: z.object({ seq: z.number(), id: z.string().nullable(), reason: z.string() }).optional(),
  /** The head checkpoint outside the database the chain's end was compared with (`after`: events appended since). */
  head: z.object({ seq: z.number(), at: z.string(), after: z.number().optional() }).nullable().optional(),
});

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (audit administrator)',
        querystring: query,
        response: responses({ 200: z.object({ items: z.array(eventBody), total: z.number() }) }),
      },
    },
    async (request) => {
      authorize(requireAuth(request).subject, 'audit.read');
      const { db } = app.svc;
      return searchAudit(db, request.query);
    },
  );

  app.post(
    '/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Re-compute the hash chain (audit administrator)',
        response: responses({ 200: verdictBody }),
      },
    },
    async (request) => {
      authorize(requireAuth(request).subject, 'audit.verify');
      return verifyAuditLog(app.svc, contextOf(request));
    },
  );
};

export default routeArea('/api/audit', [auditRoutes]);
