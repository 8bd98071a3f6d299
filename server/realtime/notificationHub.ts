// Persisted per-user notifications, written inside a command's transaction and pushed live after it commits.
import type { Db, Tx } from '../db/client.ts';
import { presentNotification, type NotificationView } from '../presenters/notification.ts';

export interface RealtimeSink {
  toUser(userId: string, event: string, payload: unknown): void;
  closeSessions(sessionIds: string[]): void;
  /** Everyone watching a socket.io room (a meeting's live counts: `meeting:<id>`). */
  toRoom?(room: string, event: string, payload: unknown): void;
}

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
}

export class NotificationHub {
  private sink: RealtimeSink | null = null;
  private readonly sessionEndListeners: Array<(sessionIds: string[]) => void> = [];

  constructor(private readonly db: Db) {}

  attach(sink: RealtimeSink): void {
    this.sink = sink;
  }

  async create(tx: Tx, items: NewNotification[], at: Date): Promise<NotificationView[]> {
    const created: NotificationView[] = [];
    for (const item of items) {
      const row = await tx.notification.create({
        data: { userId: item.userId, kind: item.kind, title: item.title, body: item.body ?? '', link: item.link ?? null, createdAt: at },
      });
      created.push(presentNotification(row));
    }
    return created;
  }

  /** Pushes committed notifications and each recipient's new unread count to their open sockets. */
  async publish(items: Array<NotificationView & { userId: string }>): Promise<void> {
    if (!this.sink || items.length === 0) return;
    const users = new Set(items.map((n) => n.userId));
    for (const n of items) this.sink.toUser(n.userId, 'notification:new', n);
    for (const userId of users) this.sink.toUser(userId, 'notification:count', { unread: await this.unreadCount(userId) });
  }

  async unreadCount(userId: string): Promise<number> {
    return this.db.notification.count({ where: { userId, readAt: null } });
  }

  async pushCount(userId: string): Promise<void> {
    this.sink?.toUser(userId, 'notification:count', { unread: await this.unreadCount(userId) });
  }

  /** Other realtime channels (the collab server) that must drop a session's connections when it ends. */
  onSessionsEnded(listener: (sessionIds: string[]) => void): void {
    this.sessionEndListeners.push(listener);
  }

  /** Pushes a committed change to everyone watching a room; nothing is stored. */
  broadcast(room: string, event: string, payload: unknown): void {
    this.sink?.toRoom?.(room, event, payload);
  }

  closeSessions(ids: string[]): void {
    if (ids.length === 0) return;
    this.sink?.closeSessions(ids);
    for (const listener of this.sessionEndListeners) listener(ids);
  }
}
