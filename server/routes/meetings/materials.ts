// Meeting materials (会议材料): upload (multipart, one file), read (with a pre-reading mark), order, remove.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openMaterial } from '../../commands/meetings/materialOpener.ts';
import { orderMaterials, removeMaterial } from '../../commands/meetings/materialOrganiser.ts';
import { uploadMaterial } from '../../commands/meetings/materialUploader.ts';
import { BadRequest, NotFound } from '../../errors.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { presentMaterial } from '../../presenters/meeting.ts';
import { materialOfMeeting, materialWithViews } from '../../queries/meetings/meetingMaterial.ts';
import { MIME_TYPES } from '../../storage/fileTypes.ts';
import { meetingFor } from './access.ts';
import { materialBody, materialParams, materialQuery, meetingParams, orderBody } from './schema.ts';

/** Shown in the browser (PDF viewer, image); Office files are downloaded. */
const INLINE = new Set(['pdf', 'png', 'jpeg']);

const materialRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  const maxBytes = app.svc.config.maxUploadMb * 1024 * 1024;
  // One byte over the limit reaches the store, which then refuses the file with a clear 413 and keeps nothing.
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 0, parts: 1, fieldSize: 1024 } });

  app.post(
    '/:id/materials',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Upload a material (PDF, DOCX, XLSX, PNG, JPEG; multipart field "file"), optionally for an agenda item',
        params: meetingParams,
        querystring: materialQuery,
        response: responses({ 201: materialBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.material.upload');
      if (!request.isMultipart()) throw new BadRequest('multipart_required', 'Send the file as multipart/form-data');
      const file = await request.file();
      if (!file) throw new BadRequest('file_required', 'No file in the upload');
      const { id } = await uploadMaterial(app.svc, contextOf(request), subject.id, resource.id, {
        agendaItemId: request.query.agendaItemId ?? null,
        title: request.query.title ?? null,
        fileName: file.filename,
        mimeType: file.mimetype,
        stream: file.file,
      });
      const row = await materialWithViews(db, id);
      return reply.code(201).send(presentMaterial(row, subject.id, true));
    },
  );

  app.get(
    '/:id/materials/:materialId/content',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The material’s file; opening it leaves a pre-reading mark',
        params: materialParams,
        response: responses({ 200: z.unknown().describe('the file') }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.material.read');
      const file = await openMaterial(app.svc, contextOf(request), subject.id, resource.id, request.params.materialId);
      const disposition = INLINE.has(file.kind) ? 'inline' : 'attachment';
      return (
        reply
          .type(MIME_TYPES[file.kind])
          .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('cache-control', 'private, no-store')
          // The browser's PDF viewer needs to run as a plugin; our pages may frame it, nobody else may.
          .header(
            'content-security-policy',
            "default-src 'none'; object-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
          )
          .send(file.content)
      );
    },
  );

  app.put(
    '/:id/materials/order',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Order the materials of an agenda item (null: the meeting’s general materials); listed materials move there',
        params: meetingParams,
        body: orderBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.manage');
      await orderMaterials(app.svc, contextOf(request), resource.id, request.body.agendaItemId, request.body.ids);
      return { ok: true as const };
    },
  );

  app.delete(
    '/:id/materials/:materialId',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Take a material off the meeting (kept for the audit trail)',
        params: materialParams,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.manage');
      const materialId = await materialOfMeeting(db, resource.id, request.params.materialId);
      if (!materialId) throw new NotFound('material');
      await removeMaterial(app.svc, contextOf(request), resource.id, materialId);
      return { ok: true as const };
    },
  );
};

export default materialRoutes;
