// One person's notifications, newest first, each in their language: the notification centre's list.
import { noticeLocale } from '../../../common/notifications/catalogue.ts';
import type { Db } from '../../db/client.ts';
import { presentNotification, type NotificationView } from '../../presenters/notification.ts';

export interface NotificationQuery {
  unreadOnly: boolean;
  /** Only those created before this instant (the next page). */
  before: Date | null;
  limit: number;
}

export async function listNotifications(
  db: Db,
  reader: { id: string; locale: string },
  query: NotificationQuery,
): Promise<NotificationView[]> {
  const rows = await db.notification.findMany({
    where: {
      userId: reader.id,
      ...(query.unreadOnly ? { readAt: null } : {}),
      ...(query.before ? { createdAt: { lt: query.before } } : {}),
    },
    orderBy: { createdAt: 'desc' },
    take: query.limit,
  });
  const locale = noticeLocale(reader.locale);
  return rows.map((row) => presentNotification(row, locale));
}
