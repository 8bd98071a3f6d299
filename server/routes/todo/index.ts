// The 待办 centre: what waits for me (filtered by kind, paged), the counts per kind for the navigation's badge, and
// 已办, what I have done. Business users only (the area sits behind the business workspace gate).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { routeArea } from '../../http/routeArea.ts';
import { requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { listDone } from '../../queries/todo/doneHistory.ts';
import { countTodo, listTodo } from '../../queries/todo/todoCentre.ts';
import { countsQuery, doneListBody, doneQuery, todoCountsBody, todoListBody, todoQuery } from './schema.ts';

const todoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.svc;

  app.get(
    '/',
    {
      schema: {
        tags: ['todo'],
        summary: 'What waits for me: overdue first, then by due date, then the longest waiting',
        querystring: todoQuery,
        response: responses({ 200: todoListBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const { kind, page, pageSize } = request.query;
      const { items, counts } = await listTodo(db, subject, { kinds: kind ?? [] }, { page, pageSize }, clock.now());
      return {
        items: items.map((i) => ({
          ...i,
          dueAt: i.dueAt?.toISOString() ?? null,
          since: i.since.toISOString(),
        })),
        counts,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/counts',
    {
      schema: {
        tags: ['todo'],
        summary: 'How many items of each kind wait for me, and in all',
        querystring: countsQuery,
        response: responses({ 200: todoCountsBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      return countTodo(db, subject, { kinds: request.query.kind ?? [] }, clock.now());
    },
  );

  app.get(
    '/done',
    {
      schema: {
        tags: ['todo'],
        summary: '已办: what I have done, newest first',
        querystring: doneQuery,
        response: responses({ 200: doneListBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const { page, pageSize } = request.query;
      const { items, total } = await listDone(db, subject, { page, pageSize });
      return { items: items.map((i) => ({ ...i, at: i.at.toISOString() })), total, page, pageSize };
    },
  );
};

export default routeArea('/api/todo', [todoRoutes]);
