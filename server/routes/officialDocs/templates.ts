// 公文 templates (公文模板) under /api/official-documents/templates: a unit's templates for its people to draft from,
// kept by its office. Bodies are validated by the command (attachValidation), so that a bad template is refused with
// each problem in Chinese and English and the refusal is audited, while the schema still documents the API.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OFFICIAL_DOCUMENT_KIND_KEYS } from '../../../common/officialDocs/catalogue.ts';
import { newTemplateSchema, templateChangeSchema } from '../../../common/officialDocs/templates.ts';
import { createTemplate, deleteTemplate, updateTemplate } from '../../commands/officialDocs/templateKeeper.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { listTemplates, loadTemplate, presentTemplate, templatesOf } from '../../queries/officialDocs/templates.ts';
import { idParams } from './schema.ts';

const tags = ['official documents'];

const templateBody = z.object({
  id: z.string(),
  unitId: z.string(),
  kind: z.enum(OFFICIAL_DOCUMENT_KIND_KEYS),
  name: z.string(),
  issuerMark: z.string(),
  mainRecipients: z.array(z.string()),
  ccRecipients: z.array(z.string()),
  remark: z.string(),
  disclosure: z.string(),
  body: z.unknown().describe('the 正文 skeleton, ProseMirror JSON'),
  mayManage: z.boolean(),
  updatedAt: z.string(),
});

export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;
  const one = async (request: Parameters<typeof requireAuth>[0], id: string) => {
    const { subject } = requireAuth(request);
    const { row, resource } = await loadTemplate(svc.db, subject, id);
    return presentTemplate(row, resource, subject);
  };

  app.get(
    '/templates',
    {
      schema: {
        tags,
        summary: 'The templates of my unit (or a unit I am the office of), optionally of one 文种',
        querystring: z.strictObject({
          unitId: z.string().min(1).max(64).optional(),
          kind: z.enum(OFFICIAL_DOCUMENT_KIND_KEYS).optional(),
        }),
        response: responses({ 200: z.object({ items: z.array(templateBody) }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const rows = await listTemplates(svc.db, subject, request.query);
      const resource = await templatesOf(svc.db, request.query.unitId ?? subject.unitId);
      return { items: rows.map((r) => presentTemplate(r, resource, subject)) };
    },
  );

  app.get(
    '/templates/:id',
    {
      schema: { tags, summary: 'One template', params: idParams, response: responses({ 200: templateBody }) },
    },
    async (request) => one(request, request.params.id),
  );

  app.post(
    '/templates',
    {
      attachValidation: true,
      schema: {
        tags,
        summary:
          'Write a template for a 文种 (the unit’s office): 版头, 主送/抄送, 附注, 公开属性 and the 正文 skeleton',
        body: newTemplateSchema,
        response: responses({ 201: templateBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const { id } = await createTemplate(svc, contextOf(request), subject, request.body as unknown);
      return reply.code(201).send(await one(request, id));
    },
  );

  app.patch(
    '/templates/:id',
    {
      attachValidation: true,
      schema: {
        tags,
        summary: 'Change a template (the unit’s office)',
        params: idParams,
        body: templateChangeSchema,
        response: responses({ 200: templateBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await updateTemplate(svc, contextOf(request), subject, request.params.id, request.body as unknown);
      return one(request, request.params.id);
    },
  );

  app.delete(
    '/templates/:id',
    {
      schema: {
        tags,
        summary: 'Remove a template (the unit’s office); 公文 drafted from it keep what they copied',
        params: idParams,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await deleteTemplate(svc, contextOf(request), subject, request.params.id);
      return { ok: true as const };
    },
  );
};
