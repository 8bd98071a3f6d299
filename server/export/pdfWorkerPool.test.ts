// The PDF worker pool's own rules, with a worker that answers at once (tests/support/pdfPoolTestWorker.mjs): at most
// `size` threads, the rest queued; a job's error comes back as the same kind of error; a worker that dies fails only
// its own job and the next job gets a new one.
import { afterEach, describe, expect, it } from 'vitest';
import { PdfWorkerPool } from './pdfWorkerPool.ts';

const ENTRY = new URL('../../tests/support/pdfPoolTestWorker.mjs', import.meta.url);
const pools: PdfWorkerPool[] = [];
const poolOf = (size: number) => {
  const pool = new PdfWorkerPool(ENTRY, { size });
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

type Echo = { echo: number; thread: number };

describe('PdfWorkerPool', () => {
  it('runs more jobs than it has workers: at most `size` threads, the rest wait their turn, all answered', async () => {
    const pool = poolOf(2);
    const jobs = Array.from({ length: 7 }, (_, k) => pool.run({ echo: k }) as Promise<Echo>);
    expect(pool.size).toBe(2);
    const results = await Promise.all(jobs);
    expect(results.map((r) => r.echo)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(new Set(results.map((r) => r.thread)).size).toBe(2);
  });

  it('rejects a failed job with its kind, message and code, and goes on with the same worker', async () => {
    const pool = poolOf(1);
    const first = (await pool.run({ echo: 1 })) as Echo;
    const err = await pool.run({ fail: 'no such page' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
    expect(err).toMatchObject({ message: 'no such page', code: 'E_TEST' });
    expect(await pool.run({ echo: 2 })).toEqual({ echo: 2, thread: first.thread });
  });

  it('fails only the job of a worker that stops, and gives the next job a new worker', async () => {
    const pool = poolOf(1);
    const first = (await pool.run({ echo: 1 })) as Echo;
    const queued = pool.run({ echo: 2 });
    const crash = pool.run({ exit: 3 });
    const afterCrash = pool.run({ echo: 3 });
    expect(await queued).toEqual({ echo: 2, thread: first.thread });
    await expect(crash).rejects.toThrow('exit code 3');
    const next = (await afterCrash) as Echo;
    expect(next.echo).toBe(3);
    expect(next.thread).not.toBe(first.thread);
  });

  it('rejects the job of a worker that throws outside it with that error', async () => {
    const pool = poolOf(1);
    const err = await pool.run({ throwUncaught: 'font table broken' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(err).toMatchObject({ message: 'font table broken' });
    expect(await pool.run({ echo: 4 })).toMatchObject({ echo: 4 });
  });

  it('rejects queued jobs when closed, and new ones after', async () => {
    const pool = poolOf(1);
    const running = expect(pool.run({ echo: 1 })).rejects.toThrow('closed');
    const queued = expect(pool.run({ echo: 2 })).rejects.toThrow('closed');
    await pool.close();
    await running;
    await queued;
    await expect(pool.run({ echo: 3 })).rejects.toThrow('closed');
    await pool.close();
  });
});
