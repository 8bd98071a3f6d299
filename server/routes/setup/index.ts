// First-run setup: whether it is needed, and creating the three administrators with the one-time link's token.
import { routeArea } from '../../http/routeArea.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setupAdministrators } from '../../commands/accounts/setupAdministrators.ts';
import { contextOf } from '../../http/requestContext.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { setupNeeded } from '../../queries/accounts/setupNeeded.ts';

const account = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(32)
    .regex(/^[a-zA-Z0-9._-]+$/),
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  app.get(
    '/',
    {
      config: { access: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Whether first-run setup is still needed',
        response: responses({ 200: z.object({ needed: z.boolean() }) }),
      },
    },
    async () => ({ needed: await setupNeeded(db) }),
  );

  app.post(
    '/',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['setup'],
        summary: 'Create the system, security and audit administrators',
        body: z.strictObject({
          token: z.string().min(10).max(100),
          organisationName: z.string().trim().min(1).max(64),
          system: account,
          security: account,
          audit: account,
        }),
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      await setupAdministrators(app.svc, contextOf(request), request.body);
      return { ok: true as const };
    },
  );
};

export default routeArea('/api/setup', [setupRoutes]);
