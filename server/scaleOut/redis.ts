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
import type { Server } from 'socket.io';
import type { Config } from '../config.ts';

/**
 * A new name for one instance among the others: how its messages are told from theirs in the shared channels. Per
 * server, not per process (tests run two instances in one process).
 */
export function instanceId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** A Redis connection of this deployment; commands wait while Redis is briefly away and fail after a few seconds. */
export function redisConnection(url: string, name: string): IORedis {
  return new IORedis(url, { connectionName: name, maxRetriesPerRequest: 3 });
}

/** Shares the socket.io server's rooms through Redis; returns what closes its connections (after io.close()). */
export function shareSocketRooms(io: Server, config: Pick<Config, 'redisUrl' | 'redisPrefix'>): () => Promise<void> {
  if (!config.redisUrl) return async () => {};
  const id = instanceId();
  const pub = redisConnection(config.redisUrl, `tongban:socket.io:${id}`);
  const sub = redisConnection(config.redisUrl, `tongban:socket.io-sub:${id}`);
  io.adapter(createAdapter(pub, sub, { key: `${config.redisPrefix}:socket.io` }));
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}

/**
 * The instance's connection for limits counted across the instances (sign-in rate limits, socket.io handshakes and
 * passcode guesses), or null without Redis (each process counts its own, in memory). The caller quits it on close.
 */
export function limitsConnection(config: Pick<Config, 'redisUrl'>): IORedis | null {
  return config.redisUrl ? redisConnection(config.redisUrl, `tongban:limits:${instanceId()}`) : null;
}

/** Options of Hocuspocus's Redis extension for this deployment (collab/server.ts). */
export function collabRedisOptions(config: Pick<Config, 'redisUrl' | 'redisPrefix'>) {
  const url = config.redisUrl;
  if (!url) return null;
  const identifier = instanceId();
  return {
    createClient: () => redisConnection(url, `tongban:collab:${identifier}`),
    prefix: `${config.redisPrefix}:collab`,
    identifier,
  };
}
