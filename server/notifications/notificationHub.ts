// Persisted per-user notifications, written inside a command's transaction and pushed live after it commits.
import {
  noticeLocale,
  type NoticeObjectOf,
  type NotificationInput,
  type NotificationKind,
} from '../../common/notifications/catalogue.ts';
import type { Db, Tx } from '../db/client.ts';
import {
  aboutKey,
  readersAmong,
  type NoticeAbout,
  type NoticeObjects,
} from '../queries/notifications/noticeReaders.ts';
import { peopleIn, storedParams } from './notificationParams.ts';
import { presentNotification, type NotificationView } from '../presenters/notification.ts';

export interface RealtimeSink {
  toUser(userId: string, event: string, payload: unknown): void;
  closeSessions(sessionIds: string[]): void;
  /** The sockets in a socket.io room (a meeting's watchers: `meeting:<id>`), with whose each one is. */
  roomMembers?(room: string): Promise<Array<{ socketId: string; userId: string }>>;
  /** One socket. */
  toSocket?(socketId: string, event: string, payload: unknown): void;
}

export type { NoticeAbout, NoticeObjects };

/** What a kind of notification is about, as a reference the outbound gate can load. */
export type AboutOf<K extends NotificationKind> = NoticeObjects[NoticeObjectOf<K>];

/**
 * A notice for one person: a kind of the catalogue (common/notifications) with exactly its parameters, and a reference
 * to the object it is about, of the object kind the catalogue gives that kind (so no notice exists without one).
 */
export type NewNotification = {
  [K in NotificationKind]: {
    userId: string;
    kind: K;
    params: NotificationInput<K>;
    link: string | null;
    about: AboutOf<K>;
  };
}[NotificationKind];

/** Builds a notice, checking its parameters and its object against its kind at compile time. */
export function notice<K extends NotificationKind>(
  userId: string,
  kind: K,
  params: NotificationInput<K>,
  link: string | null,
  about: AboutOf<K>,
): NewNotification {
  // TypeScript cannot tie a generic K to its member of the union; the signature above already did.
  return { userId, kind, params, link, about } as NewNotification;
}

/**
 * The notices whose recipient may read what they are about, now (server/policies mayReceive, asked for each recipient
 * with the object as they see it): the others are dropped without a trace, as if never addressed.
 */
async function readable(tx: Tx, items: readonly NewNotification[]): Promise<NewNotification[]> {
  const groups = new Map<string, { about: NoticeAbout; userIds: Set<string> }>();
  for (const item of items) {
    const key = aboutKey(item.about);
    const group = groups.get(key) ?? { about: item.about, userIds: new Set<string>() };
    group.userIds.add(item.userId);
    groups.set(key, group);
  }
  const readers = new Map<string, Set<string>>();
  for (const [key, { about, userIds }] of groups) readers.set(key, await readersAmong(tx, about, userIds));
  return items.filter((item) => readers.get(aboutKey(item.about))!.has(item.userId));
}

export class NotificationHub {
  private sink: RealtimeSink | null = null;
  private readonly sessionEndListeners: Array<(sessionIds: string[]) => void> = [];

  constructor(private readonly db: Db) {}

  attach(sink: RealtimeSink): void {
    this.sink = sink;
  }

  /**
   * The one way a notification is sent: every producer hands its notices here, inside its command's transaction, and
   * publish()es what comes back after the commit. People named in the parameters are resolved to their display names
   * now (so the list needs no joins), the parameters are checked against the catalogue, and each recipient's copy is
   * rendered in their language for the live push. Before anything is written, each recipient is checked against what
   * the notice is about: a notice reaches only people who may read its object at the time it is sent (never the
   * administrators, for business content), and nothing is written for the others.
   */
  async create(tx: Tx, addressed: NewNotification[], at: Date): Promise<NotificationView[]> {
    const items = addressed.length === 0 ? [] : await readable(tx, addressed);
    if (items.length === 0) return [];
    const ids = new Set(items.flatMap((item) => [item.userId, ...peopleIn(item.kind, item.params)]));
    const users = await tx.user.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, displayName: true, locale: true },
    });
    const displayNames = new Map(users.map((u) => [u.id, u.displayName]));
    const locales = new Map(users.map((u) => [u.id, noticeLocale(u.locale)]));
    const created: NotificationView[] = [];
    for (const item of items) {
      const params = storedParams(item.kind, item.params, displayNames);
      const row = await tx.notification.create({
        data: {
          userId: item.userId,
          kind: item.kind,
          params: JSON.stringify(params),
          title: '',
          body: '',
          link: item.link,
          createdAt: at,
        },
      });
      created.push(presentNotification(row, locales.get(item.userId) ?? 'zh-CN'));
    }
    return created;
  }

  /**
   * Pushes committed notifications and each recipient's new unread count to their open sockets. A notice (a meeting
   * to answer, minutes to confirm, a task or a 公文 sent to them) may bring work with it: its recipients' 待办 centre
   * is nudged too.
   */
  async publish(items: Array<NotificationView & { userId: string }>): Promise<void> {
    if (!this.sink || items.length === 0) return;
    const users = new Set(items.map((n) => n.userId));
    for (const n of items) this.sink.toUser(n.userId, 'notification:new', n);
    for (const userId of users)
      this.sink.toUser(userId, 'notification:count', { unread: await this.unreadCount(userId) });
    this.nudgeTodo(users);
  }

  /**
   * Tells these people's open sockets that their 待办 may have changed (`todo:changed`, see server/queries/todo). The
   * event carries nothing, so it needs no gate: the client asks for its 待办 again, and the policies answer that.
   * Called after the command committed, so the refetch reads the new state.
   */
  nudgeTodo(userIds: Iterable<string>): void {
    if (!this.sink) return;
    for (const userId of new Set(userIds)) this.sink.toUser(userId, 'todo:changed', {});
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

  /**
   * Pushes a committed change to the sockets watching a room whose person may read what it is about, now (the same
   * gate as create(): someone who watched while they could, and since lost their seat or clearance, hears nothing
   * more). Nothing is stored.
   */
  async broadcast(about: NoticeAbout, room: string, event: string, payload: unknown): Promise<void> {
    const sink = this.sink;
    if (!sink?.roomMembers || !sink.toSocket) return;
    const members = await sink.roomMembers(room);
    if (members.length === 0) return;
    const readers = await readersAmong(
      this.db,
      about,
      members.map((m) => m.userId),
    );
    for (const m of members) if (readers.has(m.userId)) sink.toSocket(m.socketId, event, payload);
  }

  closeSessions(ids: string[]): void {
    if (ids.length === 0) return;
    this.sink?.closeSessions(ids);
    for (const listener of this.sessionEndListeners) listener(ids);
  }
}
