// Notices beyond the in-app notification centre: SMS, e-mail, a government messaging gateway. Deployments plug in
// their own NoticeChannel; the default channel only logs that a notice went out (ids and kind, never its text).
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';

export interface OutboundNotice {
  userId: string;
  kind: string;
  /** In the recipient's language (their preference, else zh-CN), rendered by server/notifications/notificationText.ts. */
  title: string;
  body: string;
  link: string | null;
  /** Of the meeting or document the notice is about (0 公开 … 3 机密): a channel outside the system (SMS, e-mail)
   *  should send only a neutral "you have a new notice" for anything above 内部. */
  classification: number;
  contact: { email: string | null; phone: string | null };
}

export interface NoticeChannel {
  readonly name: string;
  /**
   * Called after the notices are committed and pushed in-app. It should return quickly (queue slow work itself);
   * a failure is logged and does not undo anything.
   */
  deliver(notices: readonly OutboundNotice[]): Promise<void>;
}

export class LoggingNoticeChannel implements NoticeChannel {
  readonly name = 'log';

  constructor(private readonly log: Logger) {}

  async deliver(notices: readonly OutboundNotice[]): Promise<void> {
    for (const n of notices) this.log.info({ channel: this.name, userId: n.userId, kind: n.kind }, 'notice sent');
  }
}

export class NoticeDispatcher {
  private readonly channels: NoticeChannel[];

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    channels?: NoticeChannel[],
  ) {
    this.channels = channels ?? [new LoggingNoticeChannel(log)];
  }

  register(channel: NoticeChannel): () => void {
    this.channels.push(channel);
    return () => {
      const i = this.channels.indexOf(channel);
      if (i >= 0) this.channels.splice(i, 1);
    };
  }

  async deliver(
    items: ReadonlyArray<{ userId: string; kind: string; title: string; body: string; link: string | null }>,
    classification = 0,
  ): Promise<void> {
    if (items.length === 0 || this.channels.length === 0) return;
    const users = await this.db.user.findMany({
      where: { id: { in: [...new Set(items.map((i) => i.userId))] } },
      select: { id: true, email: true, phone: true },
    });
    const contacts = new Map(users.map((u) => [u.id, { email: u.email, phone: u.phone }]));
    const notices = items.map((i) => ({
      ...i,
      classification,
      contact: contacts.get(i.userId) ?? { email: null, phone: null },
    }));
    for (const channel of this.channels) {
      try {
        await channel.deliver(notices);
      } catch (err) {
        this.log.error({ err, channel: channel.name, count: notices.length }, 'notice channel failed');
      }
    }
  }
}
