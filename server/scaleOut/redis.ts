// Redis for state shared between instances (TONGBAN_REDIS_URL; README, "Scaling out"). Without it one process keeps
// socket.io rooms and live collab documents in memory, as it always has. With it:
// - socket.io rooms span the instances (@socket.io/redis-adapter): a notification raised on one instance reaches the
//   user's sockets on every instance, and a meeting room's members are fetched across them;
// - collab documents are kept in step between the instances that have them open (collab/server.ts adds Hocuspocus's
//   Redis extension, collabRedisOptions below), and sessions that end or access that changes on one instance reach
//   the collab connections on the others (collabEvents.ts);
// - limits count attempts from all the instances against one budget (limitsConnection: the HTTP rate limits and
//   socket.io's handshake and passcode limits).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis as IORedis } from 'ioredis';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { Config } from '../config.ts';

/**
 * A new name for one instance among the others: how its messages are told from theirs in the shared channels. Per
 * server, not per process (tests run two instances in one process).
 */
export function instanceId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

type ReachabilityLog = Pick<Logger, 'warn' | 'info'>;

/**
 * Logs a connection's outage once when it starts and once when it ends. Without an 'error' listener ioredis prints
 * "[ioredis] Unhandled error event" for every failed reconnection attempt, several a second while Redis is away.
 */
function watchReachability(redis: IORedis, log: ReachabilityLog, lost: string, back: string): void {
  let reachable = true;
  redis.on('error', (err: unknown) => {
    if (!reachable) return;
    reachable = false;
    log.warn({ err, connection: redis.options.connectionName }, lost);
  });
  redis.on('ready', () => {
    if (reachable) return;
    reachable = true;
    log.info({ connection: redis.options.connectionName }, back);
  });
}

/**
 * A Redis connection of this deployment; commands wait while Redis is briefly away and fail after a few attempts to
 * reconnect, or, `waits`, wait until it is back.
 */
export function redisConnection(url: string, name: string, log: ReachabilityLog, options = { waits: false }): IORedis {
  const redis = new IORedis(url, { connectionName: name, maxRetriesPerRequest: options.waits ? null : 3 });
  watchReachability(redis, log, 'Redis unreachable: reconnecting', 'Redis reachable again');
  return redis;
}

/**
 * The socket.io adapter sends some commands without waiting for their answer: a publish (a broadcast, a message to the
 * other instances) and its (un)subscriptions. When Redis stays away longer than a command may wait, the command rejects
 * with nobody to hear it, and an unheard rejection ends the Node process. Here these commands of `redis` always have a
 * listener: a lost publish is a lost message (the outage is logged once by watchReachability; users' notifications stay
 * in the database and the other instances re-check what they must), and the instance stays up. Callers that wait for
 * such a command still get its rejection.
 */
function heardFailures(
  redis: IORedis,
  commands: Array<'publish' | 'subscribe' | 'psubscribe' | 'unsubscribe' | 'punsubscribe'>,
): IORedis {
  for (const command of commands) {
    const send = (redis[command] as (...args: unknown[]) => Promise<unknown>).bind(redis);
    Object.defineProperty(redis, command, {
      value: (...args: unknown[]) => {
        const sent = send(...args);
        sent.catch(() => undefined);
        return sent;
      },
    });
  }
  return redis;
}

/** Shares the socket.io server's rooms through Redis; returns what closes its connections (after io.close()). */
export function shareSocketRooms(
  io: Server,
  config: Pick<Config, 'redisUrl' | 'redisPrefix'>,
  log: ReachabilityLog,
): () => Promise<void> {
  if (!config.redisUrl) return async () => {};
  const id = instanceId();
  const pub = heardFailures(redisConnection(config.redisUrl, `tongban:socket.io:${id}`, log), ['publish']);
  // Its subscriptions wait for Redis however long it is away (started during an outage, the instance hears the others
  // once Redis is back), and it is closed without waiting: a subscriber has nothing to hand over.
  const sub = heardFailures(redisConnection(config.redisUrl, `tongban:socket.io-sub:${id}`, log, { waits: true }), [
    'subscribe',
    'psubscribe',
    // The adapter unsubscribes as the server closes: during an outage these wait, and fail when the connection closes.
    'unsubscribe',
    'punsubscribe',
  ]);
  io.adapter(createAdapter(pub, sub, { key: `${config.redisPrefix}:socket.io` }));
  return async () => {
    sub.disconnect();
    await pub.quit().catch(() => undefined);
  };
}

/** How long a limit's command may wait for Redis before the request is refused (503, limitsUnavailable.ts). */
const LIMITS_COMMAND_TIMEOUT_MS = 1000;
/** The longest pause between the limits connection's attempts to reconnect. */
const LIMITS_RECONNECT_MAX_MS = 1000;

/**
 * The instance's connection for limits counted across the instances (sign-in rate limits, socket.io handshakes and
 * passcode guesses), or null without Redis (each process counts its own, in memory). The caller quits it on close.
 *
 * Unlike the other connections it never lets a request wait long: a person signing in while Redis is away (or hangs)
 * is answered 503 within about a second, instead of after ioredis's retries or never (its offline queue would keep the
 * command while it reconnects). Commands are still queued for that second, so the first requests after start wait for
 * the connection rather than fail. It keeps reconnecting every second at most, so the limits work again, with no
 * restart, soon after Redis is back. The outage and the recovery are logged once each.
 */
export function limitsConnection(config: Pick<Config, 'redisUrl'>, log: ReachabilityLog): IORedis | null {
  if (!config.redisUrl) return null;
  const redis = new IORedis(config.redisUrl, {
    connectionName: `tongban:limits:${instanceId()}`,
    commandTimeout: LIMITS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: (times) => Math.min(times * 100, LIMITS_RECONNECT_MAX_MS),
  });
  watchReachability(
    redis,
    log,
    'Redis for limits unreachable: limited routes answer 503 until it is back',
    'Redis for limits reachable again: limits counted as usual',
  );
  return redis;
}

/** Options of Hocuspocus's Redis extension for this deployment (collab/server.ts). */
export function collabRedisOptions(config: Pick<Config, 'redisUrl' | 'redisPrefix'>, log: ReachabilityLog) {
  const url = config.redisUrl;
  if (!url) return null;
  const identifier = instanceId();
  return {
    // The extension answers another instance's sync step without waiting (Hocuspocus drops the reply's promise): during
    // an outage that publish fails unheard, which would end the process; the other instance asks again when it can.
    createClient: () => heardFailures(redisConnection(url, `tongban:collab:${identifier}`, log), ['publish']),
    prefix: `${config.redisPrefix}:collab`,
    identifier,
  };
}
