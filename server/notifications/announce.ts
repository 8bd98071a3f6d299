// After a command commits: its notices pushed live and handed to the other channels (SMS, mail) the classification
// allows.
import type { NotificationView } from '../presenters/notification.ts';
import type { Services } from '../services.ts';

export async function announce(svc: Services, created: NotificationView[], classification: number): Promise<void> {
  await svc.notifications.publish(created);
  await svc.notices.deliver(created, classification);
}
