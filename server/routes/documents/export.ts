// Export of a document as DOCX or PDF.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportDocument } from '../../commands/documents/documentExporter.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { idParams, responses } from '../../http/schemas.ts';
import { documentFor } from './access.ts';

const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/export',
    {
      schema: {
        tags: ['documents'],
        summary: 'Download as DOCX or PDF; comments as margin notes; suggestions shown or applied',
        params: idParams,
        querystring: z.strictObject({
          format: z.enum(['docx', 'pdf']).default('docx'),
          comments: z.enum(['true', 'false']).default('true'),
          suggestions: z.enum(['show', 'apply']).default('show'),
        }),
        response: responses({ 200: z.any().describe('the file') }),
      },
    },
    async (request, reply) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'view');
      const { format, comments, suggestions } = request.query;
      const file = await exportDocument(app.svc, contextOf(request), request.params.id, {
        format,
        comments: comments === 'true',
        suggestions,
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
};

export default exportRoutes;
