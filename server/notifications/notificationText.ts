// The server's renderer of notifications, for every channel that needs text rather than kind + params (the socket
// push, channels outside the system, exports): the shared templates in the recipient's language.
import type { NoticeLocale, NotificationKind, NotificationParams } from '../../common/notifications/catalogue.ts';
import { renderWith } from '../../common/notifications/format.ts';
import notificationMessagesEn from '../../common/notifications/messages.en.ts';
import notificationMessagesZhCN, { type NotificationMessages } from '../../common/notifications/messages.zh-CN.ts';

const MESSAGES: Record<NoticeLocale, NotificationMessages> = {
  'zh-CN': notificationMessagesZhCN,
  en: notificationMessagesEn,
};

export function renderNotification<K extends NotificationKind>(
  kind: K,
  params: NotificationParams<K>,
  locale: NoticeLocale,
): { title: string; body: string } {
  return renderWith(MESSAGES[locale], kind, params);
}
