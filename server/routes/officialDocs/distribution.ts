// 分发 over HTTP: the office distributes a sealed 公文 to its recipient units and sees each unit's status (recall while
// pending, reissue after a refusal or recall); a recipient unit's clerks (or a 函's named receiver) find it in their
// 收文箱 and sign for it or refuse it with a reason. Each route validates, calls one command or query and answers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DISTRIBUTION_ROLES,
  DISTRIBUTION_STATUSES,
  INBOX_STATUSES,
  REFUSAL_REASON_MAX,
} from '../../../common/officialDocs/distribution.ts';
import { formatDocumentNumber } from '../../../common/officialDocs/catalogue.ts';
import { signForDistribution } from '../../commands/officialDocs/distributionSigner.ts';
import { recallDistribution } from '../../commands/officialDocs/distributionRecaller.ts';
import { refuseDistribution } from '../../commands/officialDocs/distributionRefuser.ts';
import { reissueDistribution } from '../../commands/officialDocs/distributionReissuer.ts';
import { distributeOfficialDoc } from '../../commands/officialDocs/officialDocDistributor.ts';
import { classificationOfLevel } from '../../domain/roles.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { can } from '../../policies/index.ts';
import { officialDocResource } from '../../policies/officialDocs.ts';
import { distributionOffer, distributionsOf } from '../../queries/officialDocs/distributions.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';
import { unitInbox } from '../../queries/officialDocs/unitInbox.ts';
import { docParams } from './schema.ts';

const tags = ['official documents'];
const id = z.string().min(1).max(64);
const person = z.object({ id: z.string(), name: z.string() });
const personAt = z.object({ by: person.nullable(), at: z.string().nullable() });

const rowBody = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(DISTRIBUTION_ROLES).describe('main 主送, cc 抄送'),
  receiver: person.nullable(),
  status: z.enum(DISTRIBUTION_STATUSES),
  sent: personAt,
  signed: personAt,
  refused: personAt.extend({ reason: z.string().nullable() }),
  recalled: personAt,
  finished: personAt.extend({ result: z.string().nullable() }),
  reissueOfId: z.string().nullable(),
  incomingDocumentId: z.string().nullable().describe('the 收文 it became when signed for'),
  actions: z.array(z.enum(['signFor', 'refuse', 'recall', 'reissue'])),
});

export const distributionBody = z.object({
  items: z.array(rowBody),
  offer: z
    .object({
      units: z.array(z.object({ id: z.string(), name: z.string() })),
      prefilled: z.array(z.object({ unitId: z.string(), role: z.enum(DISTRIBUTION_ROLES) })),
    })
    .nullable()
    .describe('for the office of a sealed 公文: the units it may go to, those named in 主送/抄送 prefilled'),
});

export const inboxBody = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      officialDocumentId: z.string(),
      title: z.string(),
      kind: z.string(),
      urgency: z.string(),
      classification: z.string(),
      number: z.string().nullable(),
      issuer: z.string(),
      unit: z.object({ id: z.string(), name: z.string() }),
      role: z.enum(DISTRIBUTION_ROLES),
      addressedToMe: z.boolean(),
      status: z.enum(DISTRIBUTION_STATUSES),
      sentAt: z.string(),
      signedAt: z.string().nullable(),
      refusalReason: z.string().nullable(),
      incomingDocumentId: z.string().nullable(),
    }),
  ),
  total: z.number(),
  counts: z.object(
    Object.fromEntries(INBOX_STATUSES.map((s) => [s, z.number()])) as Record<
      (typeof INBOX_STATUSES)[number],
      z.ZodNumber
    >,
  ),
  page: z.number(),
  pageSize: z.number(),
});

const rowParams = z.strictObject({ distributionId: id });
const done = z.object({
  officialDocumentId: z.string(),
  incomingDocumentId: z.string().optional().describe('签收: the 收文 it became'),
  distributionId: z.string().optional().describe('重新分发: the new row'),
});

export const distributionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;

  app.get(
    '/:id/distribution',
    {
      schema: {
        tags,
        summary:
          '分发: each recipient unit’s status (待签收/已签收/拒收/已撤回/已办结), and for the office the units to send to',
        params: docParams,
        response: responses({ 200: distributionBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const now = svc.clock.now();
      const items = await distributionsOf(svc.db, subject, request.params.id, now);
      const row = await loadOfficialDoc(svc.db, request.params.id);
      const resource = officialDocResource(officialDocFacts(row), await principalsOf(svc.db, subject.id, now));
      const offer = can(subject, 'officialDoc.distribute', resource) ? await distributionOffer(svc.db, row) : null;
      return { items, offer };
    },
  );

  app.post(
    '/:id/distribute',
    {
      schema: {
        tags,
        summary: '分发 a sealed 公文 to internal units (the issuing office), once; each unit’s clerks are notified',
        params: docParams,
        body: z.strictObject({
          recipients: z
            .array(
              z.strictObject({
                unitId: id,
                role: z.enum(DISTRIBUTION_ROLES),
                receiverId: id.nullable().optional().describe('a 函’s named receiver in that unit'),
              }),
            )
            .max(500),
        }),
        response: responses({ 200: z.object({ distributionIds: z.array(z.string()) }) }),
      },
    },
    async (request) =>
      distributeOfficialDoc(svc, contextOf(request), requireAuth(request).subject, request.params.id, request.body),
  );

  app.get(
    '/inbox',
    {
      schema: {
        tags,
        summary: '收文箱: what was distributed to my unit (its clerks) or addressed to me, newest first, with counts',
        querystring: z.strictObject({
          status: z.enum(INBOX_STATUSES).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: responses({ 200: inboxBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const { rows, total, counts } = await unitInbox(svc.db, subject, request.query);
      return {
        items: rows.map((r) => {
          const doc = r.officialDocument;
          return {
            id: r.id,
            officialDocumentId: doc.id,
            title: doc.document.title,
            kind: doc.kind,
            urgency: doc.urgency,
            classification: classificationOfLevel(doc.document.classification),
            number:
              doc.numberYear !== null && doc.numberSeq !== null
                ? formatDocumentNumber(doc.numberPrefix, doc.numberYear, doc.numberSeq)
                : null,
            issuer: doc.issuerSignature,
            unit: { id: r.unitId, name: r.unit.name },
            role: r.role as (typeof DISTRIBUTION_ROLES)[number],
            addressedToMe: r.receiverId === subject.id,
            status: r.status as (typeof DISTRIBUTION_STATUSES)[number],
            sentAt: r.sentAt.toISOString(),
            signedAt: r.signedAt?.toISOString() ?? null,
            refusalReason: r.refusalReason,
            incomingDocumentId: r.incomingDocumentId,
          };
        }),
        total,
        counts,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  type Run = (...args: Parameters<typeof recallDistribution>) => Promise<z.infer<typeof done>>;
  const act = (path: string, summary: string, run: Run) =>
    app.post(
      `/distributions/:distributionId/${path}`,
      {
        schema: {
          tags,
          summary,
          params: rowParams,
          body: z.strictObject({}).optional(),
          response: responses({ 200: done }),
        },
      },
      async (request) => run(svc, contextOf(request), requireAuth(request).subject, request.params.distributionId),
    );
  act('sign-for', '签收: a clerk of the recipient unit or the named receiver, while it waits', signForDistribution);
  act('recall', '撤回: the issuing office, while it still waits to be signed for', recallDistribution);
  act('reissue', '重新分发 to the same unit after a refusal or recall (a new row; history stays)', reissueDistribution);

  app.post(
    '/distributions/:distributionId/refuse',
    {
      schema: {
        tags,
        summary: '拒收 with a reason: a clerk of the recipient unit or the named receiver, while it waits',
        params: rowParams,
        body: z.strictObject({ reason: z.string().max(REFUSAL_REASON_MAX) }),
        response: responses({ 200: done }),
      },
    },
    async (request) => {
      const { officialDocumentId } = await refuseDistribution(
        svc,
        contextOf(request),
        requireAuth(request).subject,
        request.params.distributionId,
        request.body,
      );
      return { officialDocumentId };
    },
  );
};
