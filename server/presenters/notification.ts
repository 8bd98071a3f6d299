// Notification rows → API shape.

export interface NotificationView {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function presentNotification(n: {
  id: string; userId: string; kind: string; title: string; body: string; link: string | null; createdAt: Date; readAt: Date | null;
}): NotificationView {
  return {
    id: n.id,
    userId: n.userId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
