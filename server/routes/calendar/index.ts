// The personal calendar (日程): my meetings with the 办理时限 of my 公文 steps and my supervision tasks' deadlines,
// for a day, week or month. Business users only (the workspace gate); each kind is filtered by its own policy.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { routeArea } from '../../http/routeArea.ts';
import { requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { calendarEntries } from '../../queries/calendar/calendarEntries.ts';
import { calendarBody, calendarQuery } from './schema.ts';

const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['calendar'],
        summary: 'My meetings, 公文 step deadlines and task deadlines for a day, week or month',
        querystring: calendarQuery,
        response: responses({ 200: calendarBody }),
      },
    },
    async (request) => calendarEntries(app.svc.db, requireAuth(request).subject, request.query, app.svc.clock.now()),
  );
};

export default routeArea('/api/calendar', [calendarRoutes]);
