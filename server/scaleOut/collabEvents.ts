// Session end and access changes for collab connections on every instance (TONGBAN_REDIS_URL; README, "Scaling
// out"). socket.io sockets are closed everywhere by its Redis adapter, but a collab (Hocuspocus) connection lives on
// the instance it connected to: when a session ends (sign-out, a disabled account, revoked roles) or a document's
// access changes (a share withdrawn, a workflow step) on one instance, that instance applies it to its own connections
// and publishes it on a channel under the deployment's prefix; the others apply it to theirs when it arrives. Each
// instance re-checks its connections periodically too (collab/extensions/AuthenticationExtension.ts), so a message
// lost while Redis was away only delays the change, never loses it.
import { z } from 'zod';
import type { Redis as IORedis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { instanceId, redisConnection } from './redis.ts';

export type CollabEvent =
  /** These sessions ended: their collab connections close. */
  | { kind: 'sessions_ended'; sessionIds: string[] }
  /** Who may do what with this document may have changed: its connections are re-evaluated. */
  | { kind: 'access_changed'; documentId: string };

const collabEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sessions_ended'), sessionIds: z.array(z.string().min(1).max(200)).min(1).max(10_000) }),
  z.object({ kind: z.literal('access_changed'), documentId: z.string().min(1).max(200) }),
]);

const message = z.object({ from: z.string().min(1).max(200), event: collabEvent });

export class CollabEvents {
  private readonly from = instanceId();
  private readonly channel: string;
  private readonly subscribed: Promise<void>;

  private constructor(
    private readonly pub: IORedis,
    private readonly sub: IORedis,
    prefix: string,
    private readonly log: Logger,
    apply: (event: CollabEvent) => Promise<void>,
  ) {
    this.channel = `${prefix}:collab-events`;
    this.sub.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const parsed = this.parse(text);
      if (!parsed || parsed.from === this.from) return;
      apply(parsed.event).catch((err: unknown) =>
        this.log.error({ err, kind: parsed.event.kind }, 'applying a collab event from another instance failed'),
      );
    });
    this.subscribed = this.sub.subscribe(this.channel).then(() => undefined);
    // Until ready() is asked, a failed subscription is only logged here (ready() then rejects with it).
    this.subscribed.catch((err: unknown) => this.log.error({ err }, 'collab events: subscribing failed'));
  }

  /** The deployment's channel, or null for one process (nothing to tell). `apply` acts on another instance's event. */
  static connect(
    config: Pick<Config, 'redisUrl' | 'redisPrefix'>,
    log: Logger,
    apply: (event: CollabEvent) => Promise<void>,
  ): CollabEvents | null {
    if (!config.redisUrl) return null;
    const id = instanceId();
    return new CollabEvents(
      redisConnection(config.redisUrl, `tongban:collab-events:${id}`, log),
      redisConnection(config.redisUrl, `tongban:collab-events-sub:${id}`, log),
      config.redisPrefix,
      log,
      apply,
    );
  }

  private parse(text: string): z.infer<typeof message> | null {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      this.log.warn({ err }, 'collab events: a message that is not JSON was ignored');
      return null;
    }
    const parsed = message.safeParse(json);
    if (!parsed.success) {
      this.log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'collab events: a malformed message was ignored');
      return null;
    }
    return parsed.data;
  }

  /** Resolves once this instance hears the others' events. */
  ready(): Promise<void> {
    return this.subscribed;
  }

  /**
   * Tells the other instances, after this one applied the event to its own connections. A failure is logged and not
   * thrown: the change is committed already, and the others' periodic re-check applies it a little later.
   */
  async publish(event: CollabEvent): Promise<void> {
    try {
      await this.pub.publish(this.channel, JSON.stringify({ from: this.from, event }));
    } catch (err) {
      this.log.error({ err, kind: event.kind }, 'collab events: publishing failed; other instances re-check later');
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
