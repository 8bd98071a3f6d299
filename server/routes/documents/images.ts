// Images inside documents (whiteboard page backgrounds, figures in the minutes): served to whoever may read the
// document, from the sealed store, never cached by shared caches.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../errors.ts';
import { requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { documentImageHash } from '../../queries/documents/documentImage.ts';
import { documentFor } from './access.ts';

const imageParams = z.strictObject({ id: z.string().min(1).max(64), imageId: z.string().min(1).max(64) });

const documentImageRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  app.get(
    '/:id/images/:imageId',
    {
      schema: {
        tags: ['documents'],
        summary: 'An image shown in the document (PNG)',
        params: imageParams,
        response: responses({ 200: z.unknown().describe('the PNG') }),
      },
    },
    async (request, reply) => {
      const { doc } = await documentFor(app, requireAuth(request).subject, request.params.id, 'view');
      const sha256 = await documentImageHash(db, doc.id, request.params.imageId);
      if (!sha256) throw new NotFound('image');
      const content = await app.svc.files.read(sha256);
      return (
        reply
          .type('image/png')
          // Its address never changes its content, but readers change: the browser may keep it, nothing in between may.
          .header('cache-control', 'private, max-age=86400, immutable')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .header('x-content-type-options', 'nosniff')
          .send(content)
      );
    },
  );
};

export default documentImageRoutes;
