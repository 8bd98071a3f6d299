// Notification rows → API shape: kind + params, and the text rendered in the reader's language (for rows written
// before notifications carried parameters, the text they were stored with).
import type { NoticeLocale, NotificationKind, NotificationParams } from '../../common/notifications/catalogue.ts';
import { readParams } from '../notifications/notificationParams.ts';
import { renderNotification } from '../notifications/notificationText.ts';

export interface NotificationView {
  id: string;
  userId: string;
  kind: string;
  /** Null for older rows (and kinds the catalogue no longer has): show title and body as they are. */
  params: Record<string, unknown> | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationRow {
  id: string;
  userId: string;
  kind: string;
  params: string | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export function presentNotification(n: NotificationRow, locale: NoticeLocale): NotificationView {
  const known = readParams(n.kind, n.params);
  const text = known
    ? renderNotification(known.kind, known.params as NotificationParams<NotificationKind>, locale)
    : { title: n.title, body: n.body };
  return {
    id: n.id,
    userId: n.userId,
    kind: n.kind,
    params: known?.params ?? null,
    title: text.title,
    body: text.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
