// Electronic seals: the office's register of its unit's seals and their holders, and checking a sealed PDF (does it
// match what was sealed, and by which unit; or is it an attachment a seal covers).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerSeal, retireSeal, setSealHolders } from '../../commands/seals/sealRegistrar.ts';
import { BadRequest } from '../../errors.ts';
import { routeArea } from '../../http/routeArea.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { idParams, okBody, responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { sealUnitResource } from '../../queries/seals/sealFacts.ts';
import { listSeals } from '../../queries/seals/sealList.ts';
import { keyFingerprint, verifySealedFile } from '../../queries/seals/sealVerification.ts';
import { sniffKind, SNIFF_BYTES } from '../../storage/fileTypes.ts';
import { usableSeals } from '../../queries/seals/usableSeals.ts';

const tags = ['seals'];
const id = z.string().min(1).max(64);
const holderIds = z.array(id).max(50);

const sealBody = z.object({
  id: z.string(),
  unitId: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  holders: z.array(z.object({ id: z.string(), displayName: z.string() })),
  uses: z.number(),
  lastUsedAt: z.string().nullable(),
});

const verdictBody = z.object({
  status: z.enum(['intact', 'modified', 'unknown_seal', 'unsealed']),
  reason: z.string().nullable(),
  seals: z.array(
    z.object({
      sealId: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      sealedAt: z.string(),
      registered: z.boolean(),
    }),
  ),
  /** For an attachment of a sealed 公文: its place and name, and the 发文字号 of the 公文 it was sealed with. */
  attachment: z.object({ number: z.number(), name: z.string(), documentNumber: z.string().nullable() }).nullable(),
});

/** The largest PDF the verify endpoint reads. */
const MAX_VERIFY_BYTES = 64 * 1024 * 1024;

const sealRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;
  await app.register(multipart, {
    limits: { fileSize: MAX_VERIFY_BYTES, files: 1, fields: 0, parts: 1, fieldSize: 1024 },
    throwFileSizeLimit: true,
  });

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'A unit’s seals with their holders and use counts (the unit’s office)',
        querystring: z.strictObject({ unitId: id }),
        response: responses({ 200: z.object({ items: z.array(sealBody) }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'seal.manage', await sealUnitResource(svc.db, request.query.unitId));
      return { items: await listSeals(svc.db, request.query.unitId, keyFingerprint) };
    },
  );

  app.get(
    '/usable',
    {
      schema: {
        tags,
        summary: 'The seals of a unit I may use (I hold them, not retired): what I pick from to seal a 公文',
        querystring: z.strictObject({ unitId: id }),
        response: responses({ 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      return { items: await usableSeals(svc.db, subject.id, request.query.unitId) };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Register a seal for a unit and name its holders; makes its SM2 key pair',
        body: z.strictObject({ unitId: id, name: z.string().trim().min(2).max(40), holderIds }),
        response: responses({ 201: z.object({ id: z.string() }) }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      return reply.code(201).send(await registerSeal(svc, contextOf(request), subject, request.body));
    },
  );

  app.put(
    '/:id/holders',
    {
      schema: {
        tags,
        summary: 'Replace who may use a seal',
        params: idParams,
        body: z.strictObject({ holderIds }),
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await setSealHolders(svc, contextOf(request), subject, request.params.id, request.body.holderIds);
      return { ok: true as const };
    },
  );

  app.post(
    '/:id/retire',
    {
      schema: {
        tags,
        summary: 'Retire a seal (documents it sealed still verify)',
        params: idParams,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await retireSeal(svc, contextOf(request), subject, request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/verify',
    {
      schema: {
        tags,
        summary:
          'Check a sealed PDF, or an attachment of a sealed 公文 (multipart field "file"): unchanged since sealing, and by which unit',
        response: responses({ 200: verdictBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'seal.verify');
      if (!request.isMultipart()) throw new BadRequest('multipart_required', 'Send the file as multipart/form-data');
      const file = await request.file();
      if (!file) throw new BadRequest('file_required', 'No file in the upload');
      const content = await file.toBuffer();
      // A sealed 公文 is a PDF; its attachments may be any kind an attachment may be.
      if (sniffKind(content.subarray(0, SNIFF_BYTES)) === null)
        throw new BadRequest(
          'not_pdf',
          'The file is neither a PDF nor a DOCX, XLSX, PNG or JPEG attachment (文件不是 PDF，也不是可作附件的文件)',
        );
      return verifySealedFile(svc.db, svc.files, content);
    },
  );
};

export default routeArea('/api/seals', [sealRoutes]);
