// The audit log, readable only by the audit administrator; the chain can be verified from the UI too.
import { routeArea } from '../../http/routeArea.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../audit/auditLog.ts';
import { verifyAuditChain } from '../../audit/verifyChain.ts';
import { inTransaction } from '../../db/transaction.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';

export const eventBody = z.object({
  seq: z.number(), id: z.string(), at: z.string(), actorId: z.string().nullable(), actorName: z.string(), action: z.string(),
  resourceType: z.string(), resourceId: z.string().nullable(), outcome: z.string(), ip: z.string(), userAgent: z.string(),
  detail: z.record(z.string(), z.unknown()), hash: z.string(),
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
  ok: z.boolean(), events: z.number(),
  brokenAt: z.object({ seq: z.number(), id: z.string().nullable(), reason: z.string() }).optional(),
});

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', {
    schema: { tags: ['audit'], summary: 'Search the audit log (audit administrator)', querystring: query, response: responses({ 200: z.object({ items: z.array(eventBody), total: z.number() }) }) },
  }, async (request) => {
    authorize(requireAuth(request).subject, 'audit.read');
    const { actor, action, outcome, from, to, page, pageSize } = request.query;
    const where = {
      ...(actor ? { OR: [{ actorId: actor }, { actorName: actor }] } : {}),
      ...(action ? (action.endsWith('.') ? { action: { startsWith: action } } : { action }) : {}),
      ...(outcome ? { outcome } : {}),
      ...(from || to ? { at: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lte: new Date(to) } : {}) } } : {}),
    };
    const [rows, total] = await Promise.all([
      app.svc.db.auditEvent.findMany({ where, orderBy: { seq: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
      app.svc.db.auditEvent.count({ where }),
    ]);
    return {
      items: rows.map(({ prevHash: _prev, detail, at, ...r }) => ({ ...r, at: at.toISOString(), detail: JSON.parse(detail) as Record<string, unknown> })),
      total,
    };
  });

  app.post('/verify', {
    schema: { tags: ['audit'], summary: 'Re-compute the hash chain (audit administrator)', response: responses({ 200: verdictBody }) },
  }, async (request) => {
    authorize(requireAuth(request).subject, 'audit.verify');
    const verdict = await verifyAuditChain(app.svc.db, app.svc.keys.audit);
    await inTransaction(app.svc, (tx) => recordAudit(tx, contextOf(request), {
      action: 'audit.verify', resourceType: 'audit', outcome: verdict.ok ? 'success' : 'failure', detail: verdict.ok ? { events: verdict.events } : { brokenAt: verdict.brokenAt },
    }));
    return verdict;
  });
};

export default routeArea('/api/audit', [auditRoutes]);
