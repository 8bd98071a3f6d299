// The attachments (附件) of a 公文 under /api/official-documents/:id/attachments: listed and downloaded by whoever reads
// it (each download in its 查阅留痕); uploaded (multipart, one file, checked by its content), renamed, reordered and
// removed by the drafter while it is a draft. The 附件说明 follows the files.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openAttachment } from '../../commands/officialDocs/attachmentOpener.ts';
import {
  orderAttachments,
  removeAttachment,
  renameAttachment,
} from '../../commands/officialDocs/attachmentOrganiser.ts';
import { uploadAttachment } from '../../commands/officialDocs/attachmentUploader.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { can } from '../../policies/index.ts';
import { authorizeOfficialDocView, officialDocError, officialDocResource } from '../../policies/officialDocs.ts';
import { attachmentList } from '../../queries/officialDocs/attachments.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';
import { MATERIAL_KINDS, MIME_TYPES } from '../../storage/fileTypes.ts';

const tags = ['official documents'];
const id = z.string().min(1).max(64);
const docParams = z.strictObject({ id });
const attachmentParams = z.strictObject({ id, attachmentId: id });

const attachmentBody = z.object({
  id: z.string(),
  /** 附件1 is 1. */
  number: z.number(),
  name: z.string(),
  fileName: z.string(),
  kind: z.enum(MATERIAL_KINDS),
  size: z.number(),
  /** SM3 of the content, hex: what the seal signs. */
  sm3: z.string(),
  uploadedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const attachmentsBody = z.object({
  items: z.array(attachmentBody),
  /** Whether the reader may change them now (the drafter, while a draft). */
  mayEdit: z.boolean(),
});

/** Shown in the browser (PDF viewer, image); Office files are downloaded. */
const INLINE = new Set(['pdf', 'png', 'jpeg']);

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;
  const maxBytes = svc.config.maxUploadMb * 1024 * 1024;
  // One byte over the limit reaches the store, which then refuses the file with a clear 413 and keeps nothing.
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 0, parts: 1, fieldSize: 1024 } });

  const listed = async (request: Parameters<typeof requireAuth>[0], docId: string) => {
    const { subject } = requireAuth(request);
    const row = await loadOfficialDoc(svc.db, docId);
    const resource = officialDocResource(
      officialDocFacts(row),
      await principalsOf(svc.db, subject.id, svc.clock.now()),
    );
    authorizeOfficialDocView(subject, resource);
    return {
      items: (await attachmentList(svc.db, docId)).map((a) => ({
        ...a,
        kind: a.kind as (typeof MATERIAL_KINDS)[number],
      })),
      mayEdit: can(subject, 'officialDoc.attachment.edit', resource),
    };
  };

  app.get(
    '/:id/attachments',
    {
      schema: {
        tags,
        summary: 'The attachments (附件) in 附件说明 order, and whether I may change them now',
        params: docParams,
        response: responses({ 200: attachmentsBody }),
      },
    },
    async (request) => listed(request, request.params.id),
  );

  app.post(
    '/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Attach a file as the next 附件 (the drafter, while a draft; multipart field "file": PDF, DOCX, XLSX, PNG, JPEG)',
        params: docParams,
        querystring: z.strictObject({ name: z.string().max(400).optional() }),
        response: responses({ 201: attachmentsBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      if (!request.isMultipart()) throw officialDocError(400, 'attachment_file_required');
      const file = await request.file();
      if (!file) throw officialDocError(400, 'attachment_file_required');
      await uploadAttachment(svc, contextOf(request), subject, request.params.id, {
        name: request.query.name ?? null,
        fileName: file.filename,
        mimeType: file.mimetype,
        stream: file.file,
      });
      return reply.code(201).send(await listed(request, request.params.id));
    },
  );

  app.patch(
    '/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Rename an attachment (its line in the 附件说明)',
        params: attachmentParams,
        body: z.strictObject({ name: z.string().max(400) }),
        response: responses({ 200: attachmentsBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const { id: docId, attachmentId } = request.params;
      await renameAttachment(svc, contextOf(request), subject, docId, attachmentId, request.body.name);
      return listed(request, docId);
    },
  );

  app.put(
    '/:id/attachments/order',
    {
      schema: {
        tags,
        summary: 'Put the attachments in a new order (every one, once): 附件1, 附件2 … follow',
        params: docParams,
        body: z.strictObject({ ids: z.array(id).max(100) }),
        response: responses({ 200: attachmentsBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await orderAttachments(svc, contextOf(request), subject, request.params.id, request.body.ids);
      return listed(request, request.params.id);
    },
  );

  app.delete(
    '/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Remove an attachment (the later ones move up)',
        params: attachmentParams,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await removeAttachment(svc, contextOf(request), subject, request.params.id, request.params.attachmentId);
      return { ok: true as const };
    },
  );

  app.get(
    '/:id/attachments/:attachmentId/content',
    {
      schema: {
        tags,
        summary: 'Download an attachment (left in the 查阅留痕)',
        params: attachmentParams,
        response: responses({ 200: z.unknown().describe('the file') }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const file = await openAttachment(
        svc,
        contextOf(request),
        subject,
        request.params.id,
        request.params.attachmentId,
      );
      const disposition = INLINE.has(file.kind) ? 'inline' : 'attachment';
      return reply
        .type(MIME_TYPES[file.kind])
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .header(
          'content-security-policy',
          "default-src 'none'; object-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
        )
        .send(file.content);
    },
  );
};
