// Supervision tasks (督查督办): raise, list, open, and move through the lifecycle. Each route validates, calls one
// command or query and presents the result; the policies decide, the commands write and audit.
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideAcceptance } from '../../commands/supervision/acceptanceDecider.ts';
import { recordCoordination } from '../../commands/supervision/coordinationRecorder.ts';
import { requestCoordination } from '../../commands/supervision/coordinationRequester.ts';
import { decideExtension } from '../../commands/supervision/extensionDecider.ts';
import { requestExtension } from '../../commands/supervision/extensionRequester.ts';
import { reportProgress } from '../../commands/supervision/progressReporter.ts';
import { assignTask } from '../../commands/supervision/taskAssigner.ts';
import { oversightOf } from '../../queries/supervision/oversight.ts';
import { createTask } from '../../commands/supervision/taskCreator.ts';
import { signTask } from '../../commands/supervision/taskSigner.ts';
import { submitTask } from '../../commands/supervision/taskSubmitter.ts';
import { urgeTask } from '../../commands/supervision/taskUrger.ts';
import { classificationLevel } from '../../domain/roles.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import type { SupervisionWarnings } from '../../jobs/supervisionWarnings.ts';
import { can } from '../../policies/index.ts';
import { supervisionCapabilities } from '../../policies/supervision.ts';
import { presentTaskSummary } from '../../presenters/supervisionTask.ts';
import { taskDetail } from '../../queries/supervision/taskDetail.ts';
import { listTasks } from '../../queries/supervision/taskList.ts';
import { directoryPeople } from '../../queries/users/directoryPeople.ts';
import attachmentRoutes from './attachments.ts';
import {
  acceptanceBody,
  assignBody,
  capabilitiesBody,
  coordinationBody,
  coordinationOutcomeBody,
  coordinationParams,
  createBody,
  createdBody,
  extensionBody,
  extensionDecisionBody,
  listQuery,
  peopleQuery,
  personBody,
  progressBody,
  signBody,
  submitBody,
  taskDetailBody,
  taskList,
  taskParams,
  tickBody,
  urgeBody,
} from './schema.ts';
import proposalRoutes from './proposals.ts';
import viewRoutes from './views.ts';

export interface SupervisionRouteOptions {
  warnings: SupervisionWarnings;
}

const tags = ['supervision'];

const supervisionRoutes: FastifyPluginAsyncZod<SupervisionRouteOptions> = async (app, options) => {
  const { svc } = app;
  const detail = (subjectId: Parameters<typeof taskDetail>[1], id: string) =>
    taskDetail(svc.db, subjectId, id, svc.clock.now());

  app.get(
    '/capabilities',
    {
      schema: {
        tags,
        summary: 'What the supervision module offers me',
        response: responses({ 200: capabilitiesBody }),
      },
    },
    async (request) => ({
      ...supervisionCapabilities(requireAuth(request).subject),
      reminderDays: svc.config.supervisionReminderDays,
      maxAttachmentMb: svc.config.supervisionAttachmentMaxMb,
    }),
  );

  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'Supervisors or leaders to name on a task (directory fields only)',
        querystring: peopleQuery,
        response: responses({ 200: z.object({ items: z.array(personBody) }) }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      if (!can(subject, 'supervision.directory')) return { items: [] };
      return { items: await directoryPeople(svc.db, request.query) };
    },
  );

  app.post(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Raise a supervision task (supervisors; leaders from their own instructions)',
        body: createBody,
        response: responses({ 201: createdBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const created = await createTask(svc, contextOf(request), subject, {
        ...request.body,
        classification: classificationLevel(request.body.classification),
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'My tasks, my unit’s tasks, or the supervision desk; filtered and paged',
        querystring: listQuery,
        response: responses({ 200: taskList }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const now = svc.clock.now();
      const { rows, total } = await listTasks(svc.db, subject, await oversightOf(svc.db, subject), request.query, now);
      return {
        items: rows.map((r) => presentTaskSummary(r, now)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'One task with its timeline and what I may do',
        params: taskParams,
        response: responses({ 200: taskDetailBody }),
      },
    },
    async (request) => detail(requireAuth(request).subject, request.params.id),
  );

  const act = <B>(
    path: string,
    summary: string,
    body: z.ZodType<B>,
    run: (request: {
      subject: Parameters<typeof taskDetail>[1];
      id: string;
      body: B;
      ctx: ReturnType<typeof contextOf>;
    }) => Promise<unknown>,
  ) => {
    app.post(
      path,
      { schema: { tags, summary, params: taskParams, body, response: responses({ 200: taskDetailBody }) } },
      async (request) => {
        const { subject } = requireAuth(request);
        const { id } = request.params as { id: string };
        await run({ subject, id, body: request.body as B, ctx: contextOf(request) });
        return detail(subject, id);
      },
    );
  };

  act('/tasks/:id/sign', 'Sign for my unit’s part (签收)', signBody, ({ subject, id, body, ctx }) =>
    signTask(svc, ctx, subject, id, body.note),
  );
  act(
    '/tasks/:id/assign',
    'Hand my unit’s part to its people (分派, 一级抓一级)',
    assignBody,
    ({ subject, id, body, ctx }) => assignTask(svc, ctx, subject, id, body),
  );
  act(
    '/tasks/:id/progress',
    'Report progress with a percentage and attachments',
    progressBody,
    ({ subject, id, body, ctx }) => reportProgress(svc, ctx, subject, id, body),
  );
  act('/tasks/:id/extension', 'Ask for more time (申请延期)', extensionBody, ({ subject, id, body, ctx }) =>
    requestExtension(svc, ctx, subject, id, body),
  );
  act(
    '/tasks/:id/extension/decision',
    'Approve or refuse the pending extension (supervisor)',
    extensionDecisionBody,
    ({ subject, id, body, ctx }) => decideExtension(svc, ctx, subject, id, body),
  );
  act(
    '/tasks/:id/coordination',
    'Raise a difficulty for the supervisor to coordinate (协调申请)',
    coordinationBody,
    ({ subject, id, body, ctx }) => requestCoordination(svc, ctx, subject, id, body),
  );
  act(
    '/tasks/:id/submit',
    'Submit for acceptance with the evidence (lead unit only)',
    submitBody,
    ({ subject, id, body, ctx }) => submitTask(svc, ctx, subject, id, body),
  );
  act(
    '/tasks/:id/acceptance',
    'Accept (已办结) or return for rectification (supervisor)',
    acceptanceBody,
    ({ subject, id, body, ctx }) => decideAcceptance(svc, ctx, subject, id, body),
  );

  act(
    '/tasks/:id/urge',
    'Urge those who carry the task, with a message (催办; the task’s supervisors, a few times a day)',
    urgeBody,
    ({ subject, id, body, ctx }) => urgeTask(svc, ctx, subject, id, body.message),
  );

  app.post(
    '/tasks/:id/coordination/:coordinationId/outcome',
    {
      schema: {
        tags,
        summary: 'Record the outcome of a coordination (supervisor)',
        params: coordinationParams,
        body: coordinationOutcomeBody,
        response: responses({ 200: taskDetailBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await recordCoordination(
        svc,
        contextOf(request),
        subject,
        request.params.id,
        request.params.coordinationId,
        request.body.outcome,
      );
      return detail(subject, request.params.id);
    },
  );

  await app.register(attachmentRoutes);
  await app.register(viewRoutes);

  if (svc.config.testHooks) {
    // Automated tests only: run the deadline warnings now instead of waiting for the timer.
    app.post(
      '/test/tick',
      { config: { access: 'public' }, schema: { hide: true, response: responses({ 200: tickBody }) } },
      async () => options.warnings.tick(),
    );
  }
};

/** The supervision area: tasks under /api/supervision (with the deadline-warning job's test tick), proposals below. */
const supervisionArea: FastifyPluginAsync = async (app) => {
  await app.register(supervisionRoutes, { prefix: '/api/supervision', warnings: app.jobs.supervisionWarnings });
  await app.register(proposalRoutes, { prefix: '/api/supervision/proposals' });
};

export default supervisionArea;
