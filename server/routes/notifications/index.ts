// The signed-in user's notification centre.
import { routeArea } from '../../http/routeArea.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { markNotificationsRead } from '../../commands/notifications/notificationReader.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { listNotifications } from '../../queries/notifications/notificationList.ts';

/**
 * kind: a message key of common/notifications/catalogue.ts, with its params (null on rows written before params, whose
 * title and body are shown as stored); title and body: the text in the reader's language.
 */
export const notificationBody = z.object({
  id: z.string(),
  userId: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.unknown()).nullable(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  app.get(
    '/',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first',
        querystring: z.strictObject({
          unread: z.enum(['true', 'false']).optional(),
          before: z.iso.datetime().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
        response: responses({ 200: z.object({ items: z.array(notificationBody), unread: z.number() }) }),
      },
    },
    async (request) => {
      const { subject, locale } = requireAuth(request);
      const { unread, before, limit } = request.query;
      const items = await listNotifications(
        db,
        { id: subject.id, locale },
        { unreadOnly: unread === 'true', before: before ? new Date(before) : null, limit },
      );
      return { items, unread: await app.svc.notifications.unreadCount(subject.id) };
    },
  );

  app.post(
    '/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read (all of mine when ids is omitted)',
        body: z.strictObject({ ids: z.array(z.string().max(64)).min(1).max(500).optional() }),
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      await markNotificationsRead(app.svc, contextOf(request), subject.id, request.body.ids);
      return { ok: true as const };
    },
  );
};

export default routeArea('/api/notifications', [notificationRoutes]);
