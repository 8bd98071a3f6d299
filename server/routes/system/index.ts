// Liveness and readiness probes, the installation's security status (security and audit administrators), and (only
// with TONGBAN_TEST_HOOKS) the test clock.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AdjustableClock } from '../../clock.ts';
import { pingDatabase } from '../../db/databasePing.ts';
import { requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { securityStatus } from '../../queries/system/securityStatus.ts';

/** The system area, at the root: probes, and the test clock when enabled. */
export default async function systemRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.svc;
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await pingDatabase(db);
      return { status: 'ready' };
    } catch (err) {
      app.log.error({ err }, 'database not ready');
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });

  app.get(
    '/api/system/security-status',
    {
      schema: {
        tags: ['system'],
        summary:
          'Keys, audit head checkpoint and backups: where they sit (warnings), the head, the backups (security and audit administrators)',
        response: responses({
          200: z.object({
            warnings: z.array(z.object({ code: z.string(), message: z.string() })),
            auditHead: z.object({
              status: z.enum(['anchored', 'empty', 'truncated', 'invalid', 'unwritable']),
              seq: z.number().optional(),
              at: z.string().optional(),
              checkpointSeq: z.number().optional(),
              databaseSeq: z.number().optional(),
              problem: z.string().optional(),
            }),
            backups: z.object({
              at: z.string().nullable(),
              keep: z.number(),
              count: z.number(),
              newestAt: z.string().nullable(),
            }),
          }),
        }),
      },
    },
    async (request) => {
      authorize(requireAuth(request).subject, 'system.securityStatus');
      return securityStatus(app.svc);
    },
  );

  const clock = app.svc.clock;
  if (app.svc.config.testHooks && clock instanceof AdjustableClock) {
    app.post(
      '/api/test/clock',
      {
        config: { access: 'public' },
        schema: {
          hide: true,
          body: z.strictObject({
            advanceMs: z
              .number()
              .int()
              .min(0)
              .max(400 * 86_400_000)
              .optional(),
            reset: z.boolean().optional(),
          }),
          response: responses({ 200: z.object({ now: z.string() }) }),
        },
      },
      async (request) => {
        if (request.body.reset) clock.reset();
        if (request.body.advanceMs) clock.advance(request.body.advanceMs);
        return { now: clock.now().toISOString() };
      },
    );
  }
}
