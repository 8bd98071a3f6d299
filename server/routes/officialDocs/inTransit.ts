// The unit's 公文 on their way and the steps past their 办理时限: the office's panel on its home page.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { unitInTransit } from '../../queries/officialDocs/unitInTransit.ts';

export const inTransitQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(10) });

export const inTransitBody = z.object({
  inTransit: z.object({
    total: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        urgency: z.string(),
        stepName: z.string(),
        updatedAt: z.string(),
      }),
    ),
  }),
  overdue: z.object({
    total: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        stepName: z.string(),
        dueOn: z.string(),
        daysLate: z.number(),
        late: z.array(z.string()),
      }),
    ),
  }),
});

export const inTransitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/in-transit',
    {
      schema: {
        tags: ['official-documents'],
        summary: 'My unit’s 公文 on their way (在途) and the steps past their 办理时限, with totals',
        querystring: inTransitQuery,
        response: responses({ 200: inTransitBody }),
      },
    },
    async (request) =>
      unitInTransit(app.svc.db, requireAuth(request).subject, app.svc.clock.now(), request.query.limit),
  );
};
