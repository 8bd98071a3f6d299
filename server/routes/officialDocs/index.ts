// 办文 (official documents, 发文): draft a 公文, edit its fields, send it into a route, act on a step, sign it off,
// number it; the office's 发文字号 register (reserve, void); delegations (代理). Each route validates, calls one command
// or query and answers the 公文 as its reader sees it. Attachments, the register's list, sealing, templates and the
// trail are the other plugins of this area, one file each.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatDocumentNumber } from '../../../common/officialDocs/catalogue.ts';
import type { Disclosure, OfficialDocumentKind, Urgency } from '../../../common/officialDocs/catalogue.ts';
import { createDelegation, revokeDelegation } from '../../commands/officialDocs/delegationCreator.ts';
import { reserveNumber, voidNumber } from '../../commands/officialDocs/numberAllocator.ts';
import { createOfficialDoc } from '../../commands/officialDocs/officialDocCreator.ts';
import { numberOfficialDoc } from '../../commands/officialDocs/officialDocNumberer.ts';
import { signOffOfficialDoc } from '../../commands/officialDocs/officialDocSigner.ts';
import { recordOfficialDocRead } from '../../commands/officialDocs/officialDocReads.ts';
import { updateOfficialDoc } from '../../commands/officialDocs/officialDocUpdater.ts';
import { submitOfficialDoc } from '../../commands/officialDocs/routeSubmitter.ts';
import { actOnStep } from '../../commands/officialDocs/stepActions.ts';
import type { Subject } from '../../auth/subject.ts';
import { classificationLevel, classificationOfLevel } from '../../domain/roles.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { officialDocDetail } from '../../queries/officialDocs/officialDocDetail.ts';
import { listOfficialDocs } from '../../queries/officialDocs/officialDocList.ts';
import { routeArea } from '../../http/routeArea.ts';
import { attachmentRoutes } from './attachments.ts';
import { distributionRoutes } from './distribution.ts';
import { followUpRoutes } from './followUp.ts';
import { incomingRoutes } from './incoming.ts';
import { inTransitRoutes } from './inTransit.ts';
import { issuingRoutes } from './issuing.ts';
import { numberRegisterRoutes } from './numberRegister.ts';
import { routeTemplateRoutes } from './routeTemplates.ts';
import { templateRoutes } from './templates.ts';
import {
  createBody,
  delegationBody,
  detailBody,
  docParams,
  idParams,
  listBody,
  listQuery,
  numberBody,
  reserveBody,
  reservedBody,
  signOffBody,
  stepBody,
  submitBody,
  updateBody,
  voidBody,
} from './schema.ts';

const tags = ['official documents'];

const officialDocRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;
  const detail = async (subject: Subject, id: string) => {
    const d = await officialDocDetail(svc.db, subject, id, svc.clock.now());
    return { ...d, classification: classificationOfLevel(d.classification) };
  };

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '待办, 已办, my drafts or my unit’s 公文, paged',
        querystring: listQuery,
        response: responses({ 200: listBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const { rows, total, dueOn } = await listOfficialDocs(svc.db, subject, request.query, svc.clock.now());
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.document.title,
          kind: r.kind,
          status: r.status as z.infer<typeof listBody>['items'][number]['status'],
          urgency: r.urgency,
          classification: classificationOfLevel(r.document.classification),
          number:
            r.numberYear !== null && r.numberSeq !== null
              ? formatDocumentNumber(r.numberPrefix, r.numberYear, r.numberSeq)
              : null,
          drafter: r.drafter.displayName,
          dueOn: dueOn.get(r.id) ?? null,
          updatedAt: r.updatedAt.toISOString(),
        })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Draft a 公文 (拟稿) with its 正文',
        body: createBody,
        response: responses({ 201: detailBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const { answers, ...body } = request.body;
      const { id } = await createOfficialDoc(svc, contextOf(request), subject, {
        ...body,
        kind: body.kind as OfficialDocumentKind,
        urgency: body.urgency as Urgency | undefined,
        disclosure: body.disclosure as Disclosure | undefined,
        classification: classificationLevel(body.classification),
        answers: answers ?? null,
      });
      return reply.code(201).send(await detail(subject, id));
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One 公文 with its route, opinion sheet (办文单) and my actions',
        params: docParams,
        response: responses({ 200: detailBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const d = await detail(subject, request.params.id);
      // 查阅留痕: opening the 公文 is a read (after the policies let the person read it).
      await recordOfficialDocRead(svc, contextOf(request), d.id, subject.id);
      return d;
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change the fields (the drafter, while a draft)',
        params: docParams,
        body: updateBody,
        response: responses({ 200: detailBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const { classification, kind, urgency, disclosure, ...rest } = request.body;
      await updateOfficialDoc(svc, contextOf(request), subject, request.params.id, {
        ...rest,
        ...(kind === undefined ? {} : { kind: kind as OfficialDocumentKind }),
        ...(urgency === undefined ? {} : { urgency: urgency as Urgency }),
        ...(disclosure === undefined ? {} : { disclosure: disclosure as Disclosure }),
        ...(classification === undefined ? {} : { classification: classificationLevel(classification) }),
      });
      return detail(subject, request.params.id);
    },
  );

  app.post(
    '/:id/submit',
    {
      schema: {
        tags,
        summary: 'Send into a route (送审)',
        params: docParams,
        body: submitBody,
        response: responses({ 200: detailBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await submitOfficialDoc(svc, contextOf(request), subject, request.params.id, request.body);
      return detail(subject, request.params.id);
    },
  );

  app.post(
    '/:id/step',
    {
      schema: {
        tags,
        summary: 'Act on the current step: open, approve, return, withdraw, add a countersigner, transfer',
        params: docParams,
        body: stepBody,
        response: responses({ 200: detailBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await actOnStep(svc, contextOf(request), subject, request.params.id, request.body);
      return detail(subject, request.params.id);
    },
  );

  app.post(
    '/:id/sign-off',
    {
      schema: {
        tags,
        summary: 'Sign off (签发) with an opinion',
        params: docParams,
        body: signOffBody,
        response: responses({ 200: detailBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await signOffOfficialDoc(svc, contextOf(request), subject, request.params.id, request.body);
      return detail(subject, request.params.id);
    },
  );

  app.post(
    '/:id/number',
    {
      schema: {
        tags,
        summary: 'Give the 发文字号 (the office), the next or a reserved one',
        params: docParams,
        body: numberBody,
        response: responses({ 200: detailBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await numberOfficialDoc(svc, contextOf(request), subject, request.params.id, request.body);
      return detail(subject, request.params.id);
    },
  );

  app.post(
    '/numbers/reserve',
    {
      schema: {
        tags,
        summary: 'Reserve the next 发文字号 for later (the office)',
        body: reserveBody,
        response: responses({ 201: reservedBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      return reply.code(201).send(await reserveNumber(svc, contextOf(request), subject, request.body));
    },
  );

  app.post(
    '/numbers/void',
    {
      schema: {
        tags,
        summary: 'Void a reserved 发文字号 (the office); it stays on record',
        body: voidBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await voidNumber(svc, contextOf(request), subject, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/delegations',
    {
      schema: {
        tags,
        summary: 'Name a deputy for my steps while I am away (代理, time-bounded)',
        body: delegationBody,
        response: responses({ 201: z.object({ id: z.string() }) }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const { startsAt, endsAt, ...rest } = request.body;
      const created = await createDelegation(svc, contextOf(request), subject, {
        ...rest,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
      });
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/delegations/:id',
    { schema: { tags, summary: 'End a delegation now', params: idParams, response: responses({ 200: okBody }) } },
    async (request) => {
      const { subject } = requireAuth(request);
      await revokeDelegation(svc, contextOf(request), subject, request.params.id);
      return { ok: true as const };
    },
  );
};

export default routeArea('/api/official-documents', [
  officialDocRoutes,
  issuingRoutes,
  templateRoutes,
  routeTemplateRoutes,
  followUpRoutes,
  inTransitRoutes,
  attachmentRoutes,
  numberRegisterRoutes,
  distributionRoutes,
  incomingRoutes,
]);
