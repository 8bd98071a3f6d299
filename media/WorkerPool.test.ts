// The worker pool against real mediasoup workers: lazy start, placement, replacement of a worker killed with SIGKILL.
import dgram from 'node:dgram';
import { once } from 'node:events';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLog, testPool } from '../tests/support/mediaFixtures.ts';
import { MEDIA_CODECS } from './codecs.ts';
import { WorkerPool, type WorkerHandle } from './WorkerPool.ts';

let pool: WorkerPool | null = null;
afterEach(() => {
  pool?.close();
  pool = null;
});

describe('WorkerPool', () => {
  it('starts no worker until one is needed, then all of them', async () => {
    pool = testPool(2);
    expect(pool.live()).toHaveLength(0);
    const handle = await pool.acquire();
    expect(pool.live()).toHaveLength(2);
    expect(handle.webRtcServer.closed).toBe(false);
    expect(new Set(pool.stats().map((s) => s.pid)).size).toBe(2);
  });

  it('places new routers on the least loaded worker, and away from the ones a room avoids', async () => {
    pool = testPool(2);
    const first = await pool.acquire();
    await first.worker.createRouter();
    const second = await pool.acquire();
    expect(second.index).not.toBe(first.index);
    const avoided = await pool.acquire(new Set([0, 1]));
    expect([0, 1]).toContain(avoided.index);
  });

  it('carries all media of a worker on one UDP and one TCP port, the configured one, and keeps it for the replacement', async () => {
    const port = await freePort();
    pool = WorkerPool.create({
      workers: 1,
      listenIp: '127.0.0.1',
      announcedIp: '127.0.0.1',
      port,
      logLevel: 'error',
      log: silentLog,
    });
    const portsOf = async (handle: WorkerHandle) => {
      const router = await handle.worker.createRouter({ mediaCodecs: MEDIA_CODECS });
      const transports = await Promise.all(
        [1, 2, 3].map(() =>
          router.createWebRtcTransport({ webRtcServer: handle.webRtcServer, enableUdp: true, enableTcp: true }),
        ),
      );
      return new Set(transports.flatMap((t) => t.iceCandidates.map((c) => `${c.protocol}:${c.ip}:${c.port}`)));
    };
    const before = await pool.acquire();
    expect(await portsOf(before)).toEqual(new Set([`udp:127.0.0.1:${port}`, `tcp:127.0.0.1:${port}`]));
    const ready = once(pool, 'workerReady');
    process.kill(before.worker.pid, 'SIGKILL');
    const [after] = (await ready) as [WorkerHandle];
    expect(await portsOf(after)).toEqual(new Set([`udp:127.0.0.1:${port}`, `tcp:127.0.0.1:${port}`]));
  });

  it('replaces a worker killed with SIGKILL on the same slot', async () => {
    pool = testPool(1);
    const before = await pool.acquire();
    const died = once(pool, 'workerDied');
    const ready = once(pool, 'workerReady');
    process.kill(before.worker.pid, 'SIGKILL');
    const [death] = (await died) as [{ index: number; pid: number }];
    expect(death).toMatchObject({ index: 0, pid: before.worker.pid });
    const [after] = (await ready) as [{ index: number; worker: { pid: number } }];
    expect(after.index).toBe(0);
    expect(after.worker.pid).not.toBe(before.worker.pid);
    const router = await (await pool.acquire()).worker.createRouter();
    expect(router.closed).toBe(false);
  });

  it('makes a caller wait for the replacement when every worker is dead', async () => {
    pool = testPool(1);
    const before = await pool.acquire();
    const died = once(pool, 'workerDied');
    process.kill(before.worker.pid, 'SIGKILL');
    await died;
    const handle = await pool.acquire();
    expect(handle.worker.pid).not.toBe(before.worker.pid);
    expect(handle.worker.closed).toBe(false);
  });

  it('closes twice without complaint and refuses work afterwards', async () => {
    pool = testPool(1);
    const handle = await pool.acquire();
    pool.close();
    pool.close();
    expect(handle.worker.closed).toBe(true);
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'media_unavailable' });
  });
});

/** A port free for both UDP and TCP right now (the kernel picks it for TCP; UDP is checked on the same number). */
async function freePort(): Promise<number> {
  for (;;) {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const udp = dgram.createSocket('udp4');
    const free = await new Promise<boolean>((resolve) => {
      udp.once('error', () => resolve(false));
      udp.bind(port, '127.0.0.1', () => udp.close(() => resolve(true)));
    });
    if (free) return port;
  }
}
