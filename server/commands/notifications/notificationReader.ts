// Marks a user's own notifications read and pushes the new unread count to their other tabs and devices.
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Services } from '../../services.ts';

// Reading one's own notifications is not a state change the audit trail needs; it is kept out to keep the log meaningful.
export async function markNotificationsRead(
  svc: Services,
  ctx: RequestContext,
  userId: string,
  ids?: string[],
): Promise<number> {
  const { count } = await svc.db.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: ctx.at },
  });
  await svc.notifications.pushCount(userId);
  return count;
}
