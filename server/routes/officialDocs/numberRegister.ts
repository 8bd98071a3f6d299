// The 发文登记簿 under /api/official-documents/numbers: every 序号 of a unit's 代字 and year for its office, with the
// 公文 each went to (its title only where the viewer may read it); reserving and voiding are beside it in index.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { numberingYear } from '../../commands/officialDocs/numberAllocator.ts';
import { requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { numberRegister } from '../../queries/officialDocs/numberRegister.ts';

const tags = ['official documents'];

export const registerQuery = z.strictObject({
  unitId: z.string().min(1).max(64),
  prefix: z.string().trim().min(1).max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2999).optional(),
});

export const registerBody = z.object({
  unitId: z.string(),
  prefix: z.string(),
  year: z.number(),
  series: z.array(z.object({ prefix: z.string(), year: z.number() })),
  items: z.array(
    z.object({
      seq: z.number(),
      text: z.string(),
      status: z.enum(['used', 'reserved', 'void']),
      note: z.string(),
      /** The 公文 it went to; id and title null when the viewer may not read it. */
      document: z.object({ id: z.string().nullable(), title: z.string().nullable() }).nullable(),
      by: z.object({ id: z.string(), name: z.string() }),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});

export const numberRegisterRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;
  app.get(
    '/numbers',
    {
      schema: {
        tags,
        summary:
          '发文登记簿: every number of a 代字 and year (this year and the unit’s 代字 by default), for the office',
        querystring: registerQuery,
        response: responses({ 200: registerBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const now = svc.clock.now();
      const { unitId, prefix, year } = request.query;
      return numberRegister(svc.db, subject, { unitId, prefix, year: year ?? numberingYear(now) }, now);
    },
  );
};
