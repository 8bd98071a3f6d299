// Attachments of progress reports and acceptance evidence: upload one file (multipart), download one.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openAttachment } from '../../commands/supervision/attachmentOpener.ts';
import { uploadAttachment } from '../../commands/supervision/attachmentUploader.ts';
import { BadRequest } from '../../errors.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { MIME_TYPES } from '../../storage/fileTypes.ts';
import { attachmentBody, attachmentParams, taskParams } from './schema.ts';

const tags = ['supervision'];

const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;
  const maxBytes = svc.config.supervisionAttachmentMaxMb * 1024 * 1024;
  if (!app.hasContentTypeParser('multipart/form-data')) {
    // One byte over the limit reaches the file store, which refuses it with a clear 413.
    await app.register(multipart, { limits: { files: 1, fields: 5, fileSize: maxBytes + 1, fieldSize: 1024 } });
  }

  app.post(
    '/tasks/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Upload a file for a progress report or the acceptance evidence (PDF, DOCX, XLSX, PNG, JPEG)',
        params: taskParams,
        consumes: ['multipart/form-data'],
        response: responses({ 201: attachmentBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      if (!request.isMultipart()) throw new BadRequest('multipart_required', 'Send the file as multipart/form-data');
      const file = await request.file({ limits: { files: 1, fileSize: maxBytes + 1 } });
      if (!file) throw new BadRequest('file_required', 'No file was sent');
      const created = await uploadAttachment(svc, contextOf(request), subject, request.params.id, {
        fileName: file.filename,
        mimeType: file.mimetype,
        stream: file.file,
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment',
        params: attachmentParams,
        response: responses({ 200: z.any().describe('the file') }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const file = await openAttachment(svc, contextOf(request), subject, request.params.attachmentId);
      return reply
        .header('content-type', MIME_TYPES[file.kind] ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
};

export default attachmentRoutes;
