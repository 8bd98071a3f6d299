// 收文: register one (from paper or a PDF from outside), attach and open its scan, the unit's 收文登记簿, what a 收文
// shows beside the 公文 record, a reader's 已阅 on a 传阅 step, and 办结 with the result. The route itself (拟办 → 批办 →
// 承办 → 传阅 → 办结) is sent and acted on through the 公文 routes: the same engine, steps and actions as 发文.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OFFICIAL_DOCUMENT_KIND_KEYS, URGENCY_KEYS } from '../../../common/officialDocs/catalogue.ts';
import { confirmRead, finishIncoming } from '../../commands/officialDocs/incomingHandling.ts';
import { registerIncoming } from '../../commands/officialDocs/incomingRegistration.ts';
import { draftFromRecognisedText } from '../../commands/ocr/ocrDrafter.ts';
import { attachScan, openScan, openScanText } from '../../commands/officialDocs/incomingScan.ts';
import { CLASSIFICATIONS, classificationLevel, classificationOfLevel } from '../../domain/roles.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { draftCreatedBody, ocrProgressBody, recognisedTextBody } from '../../http/ocrSchemas.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import { incomingDetail } from '../../queries/officialDocs/incomingDetail.ts';
import { listIncoming } from '../../queries/officialDocs/incomingList.ts';
import { docParams } from './schema.ts';

const tags = ['official documents'];
const person = z.object({ id: z.string(), name: z.string() });

// Shapes only: what is missing or out of range is refused by the command in both languages, and audited.
export const registerBody = z.strictObject({
  origin: z.enum(['paper', 'pdf']),
  title: z.string().max(200),
  kind: z.enum(OFFICIAL_DOCUMENT_KIND_KEYS),
  classification: z.enum(CLASSIFICATIONS).default('internal'),
  secrecyPeriod: z.string().max(40).optional(),
  urgency: z.enum(URGENCY_KEYS).default('none'),
  sourceUnit: z.string().max(200),
  sourceNumber: z.string().max(100).optional(),
  copies: z.number().int().default(1),
  dueDate: z.string().max(10).nullable().optional(),
});

export const registeredBody = z.object({ id: z.string(), documentId: z.string(), number: z.string() });

export const incomingBody = z.object({
  number: z.string().describe('收文编号'),
  origin: z.enum(['paper', 'pdf', 'distribution']),
  sourceUnit: z.string(),
  sourceNumber: z.string(),
  copies: z.number(),
  dueDate: z.string().nullable(),
  scan: z
    .object({
      fileName: z.string(),
      size: z.number(),
      ocr: ocrProgressBody.nullable().describe('文字识别 of the scan'),
    })
    .nullable(),
  mayAttachScan: z.boolean(),
  registeredBy: person.nullable(),
  registeredAt: z.string(),
  result: z.string().nullable(),
  finishedBy: person.nullable(),
  finishedAt: z.string().nullable(),
  distribution: z.object({ id: z.string(), sentDocumentId: z.string(), status: z.string() }).nullable(),
  tasks: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      status: z.string(),
      leadUnit: z.string(),
      dueDate: z.string(),
      completedAt: z.string().nullable(),
    }),
  ),
});

export const incomingListBody = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      kind: z.string(),
      status: z.string(),
      urgency: z.string(),
      classification: z.enum(CLASSIFICATIONS),
      sourceUnit: z.string(),
      sourceNumber: z.string(),
      dueDate: z.string().nullable(),
      registeredAt: z.string(),
      finishedAt: z.string().nullable(),
    }),
  ),
  total: z.number(),
});

export const readBody = z.strictObject({ note: z.string().max(2000).optional() });
export const finishBody = z.strictObject({ result: z.string().max(4000) });

export const incomingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;
  const maxBytes = svc.config.maxUploadMb * 1024 * 1024;
  // One byte over the limit reaches the store, which then refuses the file with a clear 413 and keeps nothing.
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 0, parts: 1, fieldSize: 1024 } });

  app.post(
    '/incoming',
    {
      schema: {
        tags,
        summary: '收文登记: a clerk registers a document come in on paper or as a PDF, numbered 收文〔年〕n号',
        body: registerBody,
        response: responses({ 201: registeredBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const { classification, ...rest } = request.body;
      const registered = await registerIncoming(svc, contextOf(request), subject, {
        ...rest,
        classification: classificationLevel(classification),
      });
      return reply.code(201).send({
        id: registered.officialDocumentId,
        documentId: registered.documentId,
        number: registered.number,
      });
    },
  );

  app.get(
    '/incoming',
    {
      schema: {
        tags,
        summary: 'The unit’s 收文登记簿, newest first, paged',
        querystring: z.strictObject({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: responses({ 200: incomingListBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const { items, total } = await listIncoming(svc.db, subject, request.query);
      return { items: items.map((i) => ({ ...i, classification: classificationOfLevel(i.classification) })), total };
    },
  );

  app.get(
    '/:id/incoming',
    {
      schema: {
        tags,
        summary:
          'The 收文 facts beside the 公文: 收文编号, source, scan, 办结, and the supervision tasks raised from it',
        params: docParams,
        response: responses({ 200: incomingBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      return incomingDetail(svc.db, subject, request.params.id, svc.clock.now());
    },
  );

  app.put(
    '/:id/scan',
    {
      schema: {
        tags,
        summary: 'Attach the scanned 来文 (multipart field "file", a PDF); a later upload replaces it until 办结',
        params: docParams,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      if (!request.isMultipart()) throw officialDocError(400, 'scan_not_pdf');
      const file = await request.file();
      if (!file) throw officialDocError(400, 'scan_not_pdf');
      await attachScan(svc, contextOf(request), subject, request.params.id, {
        fileName: file.filename,
        mimeType: file.mimetype,
        stream: file.file,
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/:id/scan',
    {
      schema: {
        tags,
        summary: 'Open the scanned 来文 (left in the 查阅留痕)',
        params: docParams,
        response: responses({ 200: z.unknown().describe('the PDF') }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const file = await openScan(svc, contextOf(request), subject, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .header(
          'content-security-policy',
          "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        )
        .send(file.content);
    },
  );

  app.get(
    '/:id/scan/text',
    {
      schema: {
        tags,
        summary: 'The text OCR recognised in the scan (left in the 查阅留痕); null until done',
        params: docParams,
        response: responses({ 200: recognisedTextBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const { state, pagesDone, pagesTotal, error, text } = await openScanText(
        svc,
        contextOf(request),
        subject,
        request.params.id,
      );
      return { state, pagesDone, pagesTotal, error, text };
    },
  );

  app.post(
    '/:id/scan/text/draft',
    {
      schema: {
        tags,
        summary: '用识别文字新建文稿: a new draft of one’s own with the scan’s recognised text, at the 收文’s 密级',
        params: docParams,
        response: responses({ 201: draftCreatedBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const ctx = contextOf(request);
      const source = await openScanText(svc, ctx, subject, request.params.id);
      return reply.code(201).send(await draftFromRecognisedText(svc, ctx, subject, source));
    },
  );

  app.post(
    '/:id/read',
    {
      schema: {
        tags,
        summary: '传阅: the reader confirms they read the 收文 (已阅, or a note), recorded on the 办文单',
        params: docParams,
        body: readBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await confirmRead(svc, contextOf(request), subject, request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/:id/finish',
    {
      schema: {
        tags,
        summary: '办结: the handler of the last step closes the 收文 with its result; a 分发 shows it to the sender',
        params: docParams,
        body: finishBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await finishIncoming(svc, contextOf(request), subject, request.params.id, request.body);
      return { ok: true as const };
    },
  );
};
