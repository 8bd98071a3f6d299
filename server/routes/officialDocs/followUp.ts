// Following a 公文 up: its format check as it stands, its timeline, its 查阅留痕 (reads and downloads) and 催办.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { urgeHandlers } from '../../commands/officialDocs/officialDocUrger.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { authorizeOfficialDocView, officialDocResource } from '../../policies/officialDocs.ts';
import { formatProblems } from '../../queries/officialDocs/formatProblems.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';
import { officialDocAccessLog, officialDocTimeline } from '../../queries/officialDocs/officialDocTrail.ts';
import { docParams } from './schema.ts';

const tags = ['official documents'];
const person = z.object({ id: z.string(), name: z.string() });

const problemBody = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  zh: z.string(),
  en: z.string(),
  at: z.union([z.object({ field: z.string() }), z.object({ block: z.number(), offset: z.number() })]),
});
export const formatCheckBody = z.object({
  problems: z.array(problemBody),
  errors: z.number(),
  warnings: z.number(),
});

const timelineBody = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      kind: z.string().describe('created, received, route.<action>, urge, reminded, overdue'),
      by: person.nullable(),
      onBehalfOf: person.nullable(),
      step: z.object({ id: z.string(), name: z.string() }).nullable(),
      opinion: z.object({ kind: z.string(), decision: z.string(), text: z.string() }).nullable(),
      status: z.object({ from: z.string(), to: z.string() }).nullable(),
      people: z.array(person),
      message: z.string().nullable(),
      deadline: z.string().nullable(),
    }),
  ),
});

const accessLogBody = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      kind: z.enum(['read', 'download']),
      by: person.nullable(),
      what: z
        .string()
        .describe(
          'record or body (read); pdf or docx laid out as a 公文, body.pdf or body.docx the 正文 alone (download)',
        ),
      sealed: z.boolean(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;

  app.get(
    '/:id/format-check',
    {
      schema: {
        tags,
        summary:
          'The format check of the 公文 as it stands (record and current 正文): errors block 送审, warnings do not',
        params: docParams,
        response: responses({ 200: formatCheckBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const row = await loadOfficialDoc(svc.db, request.params.id);
      const actingFor = await principalsOf(svc.db, subject.id, svc.clock.now());
      authorizeOfficialDocView(subject, officialDocResource(officialDocFacts(row), actingFor));
      const problems = await formatProblems(svc, row);
      return {
        problems,
        errors: problems.filter((p) => p.severity === 'error').length,
        warnings: problems.filter((p) => p.severity === 'warning').length,
      };
    },
  );

  app.get(
    '/:id/timeline',
    {
      schema: {
        tags,
        summary:
          'The timeline: who received, opened and acted on the 公文, when, with their opinion; 催办 and reminders',
        params: docParams,
        response: responses({ 200: timelineBody }),
      },
    },
    async (request) => ({
      items: await officialDocTimeline(svc.db, requireAuth(request).subject, request.params.id, svc.clock.now()),
    }),
  );

  app.get(
    '/:id/access-log',
    {
      schema: {
        tags,
        summary:
          '查阅留痕: who read or downloaded the 公文, when, what (its drafter and the issuing office), newest first',
        params: docParams,
        querystring: z.strictObject({
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: responses({ 200: accessLogBody }),
      },
    },
    async (request) =>
      officialDocAccessLog(svc.db, requireAuth(request).subject, request.params.id, svc.clock.now(), request.query),
  );

  app.post(
    '/:id/urge',
    {
      schema: {
        tags,
        summary:
          '催办: remind the current step’s handlers with a message (drafter, sender or the office; a few an hour)',
        params: docParams,
        body: z.strictObject({ message: z.string().trim().min(1).max(500) }),
        response: responses({ 200: z.object({ notified: z.number() }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      return urgeHandlers(svc, contextOf(request), subject, request.params.id, request.body.message);
    },
  );
};
