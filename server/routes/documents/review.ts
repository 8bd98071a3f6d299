// Versions, tracked changes and comment threads of a document.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openThread, replyToThread, setThreadResolved } from '../../commands/documents/commentThreads.ts';
import { decideOnSuggestions } from '../../commands/documents/suggestionDecider.ts';
import { createVersion } from '../../commands/documents/versionCreator.ts';
import { restoreVersion } from '../../commands/documents/versionRestorer.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { idParams, okBody, responses } from '../../http/schemas.ts';
import { documentAuthors } from '../../queries/documents/documentAuthors.ts';
import { mentionCandidates } from '../../queries/documents/mentionCandidates.ts';
import { listDocumentSuggestions } from '../../queries/documents/suggestionList.ts';
import { listThreads } from '../../queries/documents/threadList.ts';
import { versionContent } from '../../queries/documents/versionContent.ts';
import { versionDiff } from '../../queries/documents/versionDiff.ts';
import { listVersions } from '../../queries/documents/versionList.ts';
import { documentFor } from './access.ts';
import {
  decideBody,
  diffBody,
  replyBody,
  suggestionBody,
  threadBody,
  threadCreateBody,
  versionBody,
} from './schema.ts';

const versionParams = z.strictObject({ id: z.string().min(1).max(64), versionId: z.string().min(1).max(64) });
const threadParams = z.strictObject({ id: z.string().min(1).max(64), threadId: z.string().min(1).max(64) });

const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;

  app.get(
    '/:id/versions',
    {
      schema: {
        tags: ['documents'],
        summary: 'Versions, newest first (system-named ones by key and parameters)',
        params: idParams,
        response: responses({ 200: z.object({ items: z.array(versionBody) }) }),
      },
    },
    async (request) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'view');
      return { items: await listVersions(svc.db, request.params.id) };
    },
  );

  app.post(
    '/:id/versions',
    {
      schema: {
        tags: ['documents'],
        summary: 'Save the current state as a named version',
        params: idParams,
        body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
        response: responses({ 201: z.object({ id: z.string(), contentHash: z.string() }) }),
      },
    },
    async (request, reply) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'edit');
      return reply
        .code(201)
        .send(await createVersion(app.svc, contextOf(request), request.params.id, request.body.name, 'manual'));
    },
  );

  app.get(
    '/:id/versions/:versionId',
    {
      schema: {
        tags: ['documents'],
        summary: 'A version’s content (ProseMirror JSON, read-only)',
        params: versionParams,
        response: responses({ 200: z.object({ id: z.string(), content: z.record(z.string(), z.unknown()) }) }),
      },
    },
    async (request) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'view');
      return versionContent(svc, request.params.id, request.params.versionId);
    },
  );

  app.get(
    '/:id/diff',
    {
      schema: {
        tags: ['documents'],
        summary: 'Differences between two versions (or a version and the current state), coloured by author',
        params: idParams,
        querystring: z.strictObject({ from: z.string().max(64), to: z.string().max(64).default('current') }),
        response: responses({ 200: diffBody }),
      },
    },
    async (request) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'view');
      return versionDiff(svc, request.params.id, request.query.from, request.query.to);
    },
  );

  app.post(
    '/:id/versions/:versionId/restore',
    {
      schema: {
        tags: ['documents'],
        summary: 'Restore a version as the new current state (owner); history is kept',
        params: versionParams,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'manage');
      await restoreVersion(app.svc, contextOf(request), request.params.id, request.params.versionId);
      return { ok: true as const };
    },
  );

  app.get(
    '/:id/suggestions',
    {
      schema: {
        tags: ['documents'],
        summary: 'Tracked changes in document order',
        params: idParams,
        response: responses({ 200: z.object({ items: z.array(suggestionBody) }) }),
      },
    },
    async (request) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'view');
      return { items: await listDocumentSuggestions(svc, request.params.id) };
    },
  );

  app.post(
    '/:id/suggestions/decide',
    {
      schema: {
        tags: ['documents'],
        summary: 'Accept or reject tracked changes: by ids, by author, or all (owner)',
        params: idParams,
        body: decideBody,
        response: responses({ 200: z.object({ decided: z.number() }) }),
      },
    },
    async (request) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'manage');
      const decided = await decideOnSuggestions(app.svc, contextOf(request), request.params.id, request.body);
      return { decided: decided.length };
    },
  );

  app.get(
    '/:id/threads',
    {
      schema: {
        tags: ['documents'],
        summary: 'Comment threads with their replies',
        params: idParams,
        querystring: z.strictObject({ status: z.enum(['open', 'resolved', 'all']).default('all') }),
        response: responses({ 200: z.object({ items: z.array(threadBody) }) }),
      },
    },
    async (request) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'view');
      return { items: await listThreads(svc.db, request.params.id, request.query.status) };
    },
  );

  app.get(
    '/:id/mention-candidates',
    {
      schema: {
        tags: ['documents'],
        summary: 'People a comment may mention: directory matches who may read the document',
        params: idParams,
        querystring: z.strictObject({
          q: z.string().trim().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(20).default(8),
        }),
        response: responses({
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), displayName: z.string(), unitName: z.string(), title: z.string() }),
            ),
          }),
        }),
      },
    },
    async (request) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'comment');
      return { items: await mentionCandidates(svc.db, request.params.id, request.query) };
    },
  );

  app.post(
    '/:id/threads',
    {
      schema: {
        tags: ['documents'],
        summary: 'Open a comment thread; the client then anchors it with a comment mark',
        params: idParams,
        body: threadCreateBody,
        response: responses({ 201: z.object({ threadId: z.string(), commentId: z.string() }) }),
      },
    },
    async (request, reply) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'comment');
      return reply.code(201).send(await openThread(app.svc, contextOf(request), request.params.id, request.body));
    },
  );

  app.post(
    '/:id/threads/:threadId/comments',
    {
      schema: {
        tags: ['documents'],
        summary: 'Reply in a thread (reopens it if resolved)',
        params: threadParams,
        body: replyBody,
        response: responses({ 201: z.object({ commentId: z.string() }) }),
      },
    },
    async (request, reply) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'comment');
      return reply
        .code(201)
        .send(
          await replyToThread(app.svc, contextOf(request), request.params.id, request.params.threadId, request.body),
        );
    },
  );

  for (const [path, resolved] of [
    ['resolve', true],
    ['reopen', false],
  ] as const) {
    app.post(
      `/:id/threads/:threadId/${path}`,
      {
        schema: {
          tags: ['documents'],
          summary: resolved ? 'Resolve a thread' : 'Reopen a thread',
          params: threadParams,
          response: responses({ 200: okBody }),
        },
      },
      async (request) => {
        await documentFor(app, requireAuth(request).subject, request.params.id, 'comment');
        await setThreadResolved(app.svc, contextOf(request), request.params.id, request.params.threadId, resolved);
        return { ok: true as const };
      },
    );
  }

  app.get(
    '/:id/authors',
    {
      schema: {
        tags: ['documents'],
        summary: 'Who wrote in this document (Yjs client id → user)',
        params: idParams,
        response: responses({ 200: z.object({ authors: z.record(z.string(), z.string()) }) }),
      },
    },
    async (request) => {
      await documentFor(app, requireAuth(request).subject, request.params.id, 'view');
      return { authors: await documentAuthors(svc, request.params.id) };
    },
  );
};

export default reviewRoutes;
