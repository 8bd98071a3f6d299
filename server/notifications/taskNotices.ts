// Notices about a supervision task: kind and parameters with the task's title and link, written in the command's
// transaction and published after it commits.
import type { Tx } from '../db/client.ts';
import type { NotificationInput, NotificationKind } from '../../common/notifications/catalogue.ts';
import type { NotificationView } from '../presenters/notification.ts';
import type { CoreServices } from '../services.ts';
import { notice } from './notificationHub.ts';

export const taskLink = (taskId: string) => `/supervision/tasks/${taskId}`;

type TaskNoticeKind = Extract<NotificationKind, `supervision.${string}`>;

/** A notice about a task: its kind and parameters but the task's title, which notifyAbout() adds. */
export type TaskNotice = {
  [K in TaskNoticeKind]: { kind: K; params: Omit<NotificationInput<K>, 'task'> };
}[TaskNoticeKind];

export type Notices = Array<NotificationView & { userId: string }>;

/** Notifications about a task, written in the transaction; publish() them after it commits. */
export async function notifyAbout(
  svc: Pick<CoreServices, 'notifications'>,
  tx: Tx,
  at: Date,
  task: { id: string; title: string },
  recipients: Iterable<string | null | undefined>,
  about: TaskNotice,
  exceptUserId?: string | null,
): Promise<Notices> {
  const users = [...new Set([...recipients].filter((u): u is string => typeof u === 'string' && u !== exceptUserId))];
  // Every supervision kind has a `task` title parameter (the catalogue test holds it to that).
  const params = { ...about.params, task: task.title } as NotificationInput<TaskNoticeKind>;
  return svc.notifications.create(
    tx,
    users.map((userId) => notice(userId, about.kind, params, taskLink(task.id), { kind: 'task', id: task.id })),
    at,
  );
}
