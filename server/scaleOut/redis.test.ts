// Redis connections while Redis is away: one warning per outage, not ioredis's "Unhandled error event" at every
// reconnection attempt; socket.io's broadcasts and messages to the other instances are lost, not the process. Needs
// no Redis: the connection points at a port nothing listens on.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Redis as IORedis } from 'ioredis';
import { Server } from 'socket.io';
import { collabRedisOptions, redisConnection, shareSocketRooms } from './redis.ts';

/** A loopback port that was free a moment ago (listened on, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('a Redis connection while Redis is away', () => {
  let redis: IORedis | null = null;
  afterEach(() => {
    redis?.disconnect();
    redis = null;
  });

  it('warns once for the outage however often it fails to reconnect', async () => {
    const warn = vi.fn();
    const info = vi.fn();
    redis = redisConnection(`redis://127.0.0.1:${await closedPort()}`, 'outage-test', { warn, info });
    const failures = vi.fn();
    redis.on('error', failures);
    // ioredis retries after 50 ms, 100 ms, 150 ms …: several failed attempts within the wait.
    await vi.waitFor(() => expect(failures.mock.calls.length).toBeGreaterThanOrEqual(3), { timeout: 5000 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatchObject({ connection: 'outage-test' });
    expect(info).not.toHaveBeenCalled();
  });
});

/**
 * The rejections nobody handled while `send` sent commands Redis could not take and `close` closed the connections:
 * the commands give up after the connection's three retries (50 + 100 + 150 ms between attempts), so `close` comes
 * 1.5 s after `send`.
 */
async function unheardRejections(send: () => void, close: () => void | Promise<void>): Promise<unknown[]> {
  const unheard: unknown[] = [];
  const listener = (reason: unknown) => unheard.push(reason);
  process.on('unhandledRejection', listener);
  try {
    send();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return unheard;
  } finally {
    process.off('unhandledRejection', listener);
  }
}

const outage = async () => ({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, redisPrefix: 'outage-test' });

describe('socket.io across instances while Redis is away', () => {
  it('loses the broadcasts it could not publish, and keeps the process', async () => {
    // Not attached to an HTTP server: nothing to listen on or to close but the adapter's Redis connections.
    const io = new Server();
    const close = shareSocketRooms(io, await outage(), { warn: vi.fn(), info: vi.fn() });
    const unheard = await unheardRejections(() => {
      io.to('user:someone').emit('notification:new', { kind: 'test' });
      io.serverSideEmit('tongban:meeting-opened', 'meeting');
      // The subscriptions wait, and are dropped when the connection closes.
    }, close);
    expect(unheard).toEqual([]);
  });
});

describe("collab's Redis connections while Redis is away", () => {
  it('lose a reply the Redis extension sends without waiting, and keep the process', async () => {
    const client = collabRedisOptions(await outage(), { warn: vi.fn(), info: vi.fn() })!.createClient();
    const unheard = await unheardRejections(
      // As Hocuspocus's MessageReceiver calls the extension's reply: the promise is dropped.
      () => void client.publish('outage-test:collab:reply', 'sync step 2'),
      () => client.disconnect(),
    );
    expect(unheard).toEqual([]);
  });
});
