// Route templates (流程模板) under /api/official-documents/route-templates: a unit's routes for its 公文, per 文种 or
// for every 文种, kept by its office; and, for the one sending a 公文, the templates that fit it resolved to people.
// Bodies are validated by the command (attachValidation), so a bad template is refused with each problem in Chinese
// and English and the refusal is audited, while the schema still documents the API.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DIRECTIONS, OFFICIAL_DOCUMENT_KIND_KEYS } from '../../../common/officialDocs/catalogue.ts';
import {
  createRouteTemplate,
  retireRouteTemplate,
  updateRouteTemplate,
} from '../../commands/officialDocs/routeTemplateKeeper.ts';
import {
  newRouteTemplateSchema,
  routeStepSchema,
  routeTemplateChangeSchema,
} from '../../domain/officialDocs/routeTemplates.ts';
import { PARALLEL_MODES, STEP_KINDS } from '../../domain/officialDocs/vocabulary.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { routeTemplateOffers } from '../../queries/officialDocs/routeTemplateOffers.ts';
import {
  listRouteTemplates,
  loadRouteTemplate,
  namesIn,
  presentRouteTemplate,
} from '../../queries/officialDocs/routeTemplates.ts';
import { docParams, idParams } from './schema.ts';

const tags = ['official documents'];

export const routeTemplateBody = z.object({
  id: z.string(),
  unitId: z.string(),
  direction: z.enum(DIRECTIONS),
  kind: z.enum(OFFICIAL_DOCUMENT_KIND_KEYS).nullable(),
  name: z.string(),
  steps: z.array(routeStepSchema),
  /** The names of the people and units the steps name, by id. */
  names: z.record(z.string(), z.string()),
  retiredAt: z.string().nullable(),
  mayManage: z.boolean(),
  updatedAt: z.string(),
});

const person = z.object({ id: z.string(), name: z.string() });
export const routeTemplateOfferBody = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  steps: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(STEP_KINDS),
      mode: z.enum(PARALLEL_MODES),
      opinion: z.string(),
      skipWhenUrgent: z.boolean(),
      deadlineDays: z.number().nullable(),
      handlers: z.array(person),
      candidates: z.array(person).nullable(),
    }),
  ),
  /** Why the template cannot be used for this 公文 now (nobody cleared for a step …); null when it can. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const routeTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;
  const one = async (request: Parameters<typeof requireAuth>[0], id: string) => {
    const { subject } = requireAuth(request);
    const { row, resource } = await loadRouteTemplate(svc.db, subject, id);
    return presentRouteTemplate(row, resource, subject, await namesIn(svc.db, [row]));
  };

  app.get(
    '/route-templates',
    {
      schema: {
        tags,
        summary:
          'The route templates of my unit (or a unit I am the office of); of a 文种: those for it, then the rest',
        querystring: z.strictObject({
          unitId: z.string().min(1).max(64).optional(),
          kind: z.enum(OFFICIAL_DOCUMENT_KIND_KEYS).optional(),
          direction: z.enum(DIRECTIONS).optional(),
          includeRetired: z.enum(['true', 'false']).optional(),
        }),
        response: responses({
          200: z.object({
            items: z.array(routeTemplateBody),
            /** Whether the caller keeps this unit's route templates (its office). */
            mayManage: z.boolean(),
          }),
        }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const { rows, resource, mayManage } = await listRouteTemplates(svc.db, subject, {
        ...request.query,
        includeRetired: request.query.includeRetired === 'true',
      });
      const names = await namesIn(svc.db, rows);
      return { items: rows.map((r) => presentRouteTemplate(r, resource, subject, names)), mayManage };
    },
  );

  app.get(
    '/route-templates/:id',
    {
      schema: {
        tags,
        summary: 'One route template',
        params: idParams,
        response: responses({ 200: routeTemplateBody }),
      },
    },
    async (request) => one(request, request.params.id),
  );

  app.post(
    '/route-templates',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'Write a route template (the unit’s office): its steps, handlers, 办理时限 and what 特急 skips',
        body: newRouteTemplateSchema,
        response: responses({ 201: routeTemplateBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const { id } = await createRouteTemplate(svc, contextOf(request), subject, request.body as unknown);
      return reply.code(201).send(await one(request, id));
    },
  );

  app.patch(
    '/route-templates/:id',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'Change a route template (the unit’s office); 公文 already sent keep their route',
        params: idParams,
        body: routeTemplateChangeSchema,
        response: responses({ 200: routeTemplateBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await updateRouteTemplate(svc, contextOf(request), subject, request.params.id, request.body as unknown);
      return one(request, request.params.id);
    },
  );

  app.post(
    '/route-templates/:id/retire',
    {
      schema: {
        tags,
        summary: 'Retire a route template (the unit’s office): no longer offered nor accepted for 送审',
        params: idParams,
        response: responses({ 200: routeTemplateBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await retireRouteTemplate(svc, contextOf(request), subject, request.params.id);
      return one(request, request.params.id);
    },
  );

  app.get(
    '/:id/route-templates',
    {
      schema: {
        tags,
        summary: 'The route templates this 公文 may be sent with, resolved to people for it (its sender)',
        params: docParams,
        response: responses({ 200: z.object({ items: z.array(routeTemplateOfferBody) }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      return { items: await routeTemplateOffers(svc.db, subject, request.params.id, svc.clock.now()) };
    },
  );
};
