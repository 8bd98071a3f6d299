// After a command commits: its notices pushed live and handed to the other channels (SMS, mail) the classification
// allows.
import type { NotificationView } from '../presenters/notification.ts';
import type { CoreServices } from '../services.ts';

export async function announce(
  svc: Pick<CoreServices, 'notifications' | 'notices'>,
  created: NotificationView[],
  classification: number,
): Promise<void> {
  await svc.notifications.publish(created);
  await svc.notices.deliver(created, classification);
}
