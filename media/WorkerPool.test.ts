// The worker pool against real mediasoup workers: lazy start, placement, replacement of a worker killed with SIGKILL.
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { testPool } from '../tests/support/mediaFixtures.ts';
import type { WorkerPool } from './WorkerPool.ts';

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
