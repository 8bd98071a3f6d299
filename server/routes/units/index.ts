// Units: the organisation tree (everyone reads it; the system administrator edits it), and how each issues 公文.
import { routeArea } from '../../http/routeArea.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createUnit, updateUnit } from '../../commands/accounts/unitEditor.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { idParams, okBody, responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { listUnits } from '../../queries/units/unitList.ts';
import { issuingSettingRoutes } from './issuingSetting.ts';

export const unitBody = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  aliases: z.array(z.string()),
  parentId: z.string().nullable(),
  sortOrder: z.number(),
  archiveCode: z.string().nullable().describe('机构代码 in its 档号; null: derived from its id'),
  memberCount: z.number(),
});

const name = z.string().trim().min(1).max(64);
const createBody = z.strictObject({
  name,
  shortName: z.string().trim().max(32).nullable().optional(),
  aliases: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
  parentId: z.string().max(64).nullable().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  /** Checked by the command (2–16 letters or digits, unique), so that a bad one gets its own message. */
  archiveCode: z.string().max(64).nullable().optional(),
});

const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['units'],
        summary: 'All units (flat list with parentId; the client builds the tree)',
        response: responses({ 200: z.object({ items: z.array(unitBody) }) }),
      },
    },
    async (request) => {
      requireAuth(request);
      const { db } = app.svc;
      return { items: await listUnits(db) };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['units'],
        summary: 'Create a unit (system administrator)',
        body: createBody,
        response: responses({ 201: z.object({ id: z.string() }) }),
      },
    },
    async (request, reply) => {
      authorize(requireAuth(request).subject, 'unit.create');
      return reply.code(201).send(await createUnit(app.svc, contextOf(request), request.body));
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Rename or move a unit, or set its 机构代码 (system administrator)',
        params: idParams,
        body: createBody.partial().refine((b) => Object.keys(b).length > 0, 'nothing to change'),
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      authorize(requireAuth(request).subject, 'unit.update', { kind: 'unit', id: request.params.id });
      await updateUnit(app.svc, contextOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );
};

export default routeArea('/api/units', [unitRoutes, issuingSettingRoutes]);
