// Liveness and readiness probes, and (only with TONGBAN_TEST_HOOKS) the test clock.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AdjustableClock } from '../../clock.ts';
import { pingDatabase } from '../../db/databasePing.ts';
import { responses } from '../../http/schemas.ts';

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
