// Task proposals from closed minutes, for the supervisors (督查室): list, correct, add, split, merge, drop, and
// confirm into supervision tasks. The policies decide (supervisors, cleared for the meeting), the commands write and
// audit; every answer is the proposals as they now are.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addProposal } from '../../commands/proposals/proposalAdder.ts';
import { confirmProposals } from '../../commands/proposals/proposalConfirmer.ts';
import { dropProposal } from '../../commands/proposals/proposalDropper.ts';
import { editProposal } from '../../commands/proposals/proposalEditor.ts';
import { mergeProposals } from '../../commands/proposals/proposalMerger.ts';
import { splitProposal } from '../../commands/proposals/proposalSplitter.ts';
import { authorizeReview } from '../../queries/minutes/proposalsForReview.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { errorBody, responses } from '../../http/schemas.ts';
import { listProposals, proposalsByIds } from '../../queries/minutes/proposalList.ts';
import {
  addBody,
  confirmBody,
  confirmedBody,
  listQuery,
  mergeBody,
  patchBody,
  proposalBody,
  proposalListBody,
  proposalParams,
  splitBody,
} from './proposalsSchema.ts';

const tags = ['supervision'];

const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;
  const one = async (id: string) => (await proposalsByIds(svc.db, [id]))[0]!;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Task proposals from closed minutes, by meeting and status',
        querystring: listQuery,
        response: responses({ 200: proposalListBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorizeReview(subject);
      return { items: await listProposals(svc.db, subject, request.query) };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Add a proposal by hand for a meeting whose minutes exist',
        body: addBody,
        response: responses({ 201: proposalBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const { meetingId, ...fields } = request.body;
      const { id } = await addProposal(svc, contextOf(request), subject, meetingId, fields);
      return reply.code(201).send(await one(id));
    },
  );

  app.post(
    '/merge',
    {
      schema: {
        tags,
        summary: 'Merge proposals of the same minutes into one',
        body: mergeBody,
        response: responses({ 200: proposalBody }),
      },
    },
    async (request) => {
      const { id } = await mergeProposals(svc, contextOf(request), requireAuth(request).subject, request.body.ids);
      return one(id);
    },
  );

  app.post(
    '/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm proposals: supervision tasks are created, linked to the minutes, lead units notified',
        body: confirmBody,
        response: responses({ 200: confirmedBody, 422: errorBody }),
      },
    },
    async (request) => confirmProposals(svc, contextOf(request), requireAuth(request).subject, request.body.ids),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Correct a pending proposal',
        params: proposalParams,
        body: patchBody,
        response: responses({ 200: proposalBody }),
      },
    },
    async (request) => {
      await editProposal(svc, contextOf(request), requireAuth(request).subject, request.params.id, request.body);
      return one(request.params.id);
    },
  );

  app.post(
    '/:id/split',
    {
      schema: {
        tags,
        summary: 'Split a proposal into parts',
        params: proposalParams,
        body: splitBody,
        response: responses({ 200: proposalListBody }),
      },
    },
    async (request) => {
      const { ids } = await splitProposal(
        svc,
        contextOf(request),
        requireAuth(request).subject,
        request.params.id,
        request.body.parts,
      );
      return { items: await proposalsByIds(svc.db, ids) };
    },
  );

  app.post(
    '/:id/drop',
    {
      schema: {
        tags,
        summary: 'Drop a proposal that is not a task',
        params: proposalParams,
        response: responses({ 200: proposalBody }),
      },
    },
    async (request) => {
      await dropProposal(svc, contextOf(request), requireAuth(request).subject, request.params.id);
      return one(request.params.id);
    },
  );
};

export default proposalRoutes;
