// The text OCR recognised in meeting materials: where each material's recognition stands (the 识别中 / 已识别 tags),
// one material's text (audited like opening it), and a new draft made of it — for those who may read the materials.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openMaterialText } from '../../commands/meetings/materialOpener.ts';
import { draftFromRecognisedText } from '../../commands/ocr/ocrDrafter.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { draftCreatedBody, ocrProgressBody, recognisedTextBody } from '../../http/ocrSchemas.ts';
import { responses } from '../../http/schemas.ts';
import { materialsOcr } from '../../queries/ocr/materialsOcr.ts';
import { meetingFor } from './access.ts';
import { materialParams, meetingParams } from './schema.ts';

const tags = ['meetings'];

const materialTextRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;

  app.get(
    '/:id/materials/ocr',
    {
      schema: {
        tags,
        summary: '文字识别: where the recognition of each scanned or image material stands (pages done of total)',
        params: meetingParams,
        response: responses({
          200: z.object({ items: z.array(ocrProgressBody.extend({ materialId: z.string() })) }),
        }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.material.read');
      return { items: await materialsOcr(svc.db, resource.id) };
    },
  );

  app.get(
    '/:id/materials/:materialId/text',
    {
      schema: {
        tags,
        summary: 'The text OCR recognised in a material (audited like opening it); null until done',
        params: materialParams,
        response: responses({ 200: recognisedTextBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.material.read');
      const { state, pagesDone, pagesTotal, error, text } = await openMaterialText(
        svc,
        contextOf(request),
        resource,
        request.params.materialId,
      );
      return { state, pagesDone, pagesTotal, error, text };
    },
  );

  app.post(
    '/:id/materials/:materialId/text/draft',
    {
      schema: {
        tags,
        summary:
          '用识别文字新建文稿: a new draft of one’s own with the material’s recognised text, at the meeting’s 密级',
        params: materialParams,
        response: responses({ 201: draftCreatedBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.material.read');
      const ctx = contextOf(request);
      const source = await openMaterialText(svc, ctx, resource, request.params.materialId);
      return reply.code(201).send(await draftFromRecognisedText(svc, ctx, subject, source));
    },
  );
};

export default materialTextRoutes;
