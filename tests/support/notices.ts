// Reading stored notifications in tests the way their recipients see them (kind + params rendered, zh-CN unless asked).
import type { Prisma } from '../../prisma/generated/client.ts';
import type { NoticeLocale } from '../../common/notifications/catalogue.ts';
import type { Db } from '../../server/db/client.ts';
import { presentNotification, type NotificationView } from '../../server/presenters/notification.ts';

/** The first notification matching `where` (oldest first), as its recipient reads it; throws when there is none. */
export async function readNotice(
  db: Db,
  where: Prisma.NotificationWhereInput,
  locale: NoticeLocale = 'zh-CN',
): Promise<NotificationView> {
  return presentNotification(await db.notification.findFirstOrThrow({ where, orderBy: { createdAt: 'asc' } }), locale);
}
