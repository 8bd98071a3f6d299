// After 签发 and 编号: sealing a 公文 with its unit's electronic seal (用印), and downloading it laid out per GB/T 9704 —
// the sealed PDF once sealed, the PDF or DOCX as it stands before.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportOfficialDoc } from '../../commands/officialDocs/officialDocExporter.ts';
import { sealOfficialDoc } from '../../commands/officialDocs/officialDocSealer.ts';
import { classificationOfLevel } from '../../domain/roles.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { officialDocDetail } from '../../queries/officialDocs/officialDocDetail.ts';
import { detailBody, docParams } from './schema.ts';

const tags = ['official documents'];

export const issuingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;

  app.post(
    '/:id/seal',
    {
      schema: {
        tags,
        summary:
          'Seal a numbered 公文 with a seal of its unit (a holder of the seal): lays out, signs (SM2) and keeps the PDF',
        params: docParams,
        body: z.strictObject({ sealId: z.string().min(1).max(64) }),
        response: responses({ 200: detailBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await sealOfficialDoc(svc, contextOf(request), subject, request.params.id, request.body);
      const d = await officialDocDetail(svc.db, subject, request.params.id, svc.clock.now());
      return { ...d, classification: classificationOfLevel(d.classification) };
    },
  );

  app.get(
    '/:id/export',
    {
      schema: {
        tags,
        summary: 'Download the 公文 in GB/T 9704 layout: the sealed PDF once sealed, else PDF or DOCX as it stands',
        params: docParams,
        querystring: z.strictObject({ format: z.enum(['pdf', 'docx']).default('pdf') }),
        response: responses({ 200: z.unknown().describe('the file') }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const file = await exportOfficialDoc(svc, contextOf(request), subject, request.params.id, request.query.format);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
};
