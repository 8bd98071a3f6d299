// The Redis limiter keeps the in-memory limiter's rules (attemptLimiter.test.ts, the same table of cases) with its
// count shared: two limiters on two connections, as two instances hold them, spend one budget. Runs when
// TONGBAN_TEST_REDIS_URL is set.
import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_SKIPPED, TEST_REDIS_URL, testRedisPrefix } from '../../tests/support/redis.ts';
import { redisConnection } from './redis.ts';
import { RedisAttemptLimiter } from './redisAttemptLimiter.ts';

describe.skipIf(!TEST_REDIS_URL)(`RedisAttemptLimiter${TEST_REDIS_URL ? '' : ` (${REDIS_SKIPPED})`}`, () => {
  const url = TEST_REDIS_URL;
  const connections = url ? [1, 2].map((i) => redisConnection(url, `limiter-test-${i}`, console)) : [];
  afterAll(async () => {
    await Promise.allSettled(connections.map((c) => c.quit()));
  });

  it('counts attempts per key in fixed windows on the server clock, and gives back what turned out well', async () => {
    let now = 0;
    const prefix = `${testRedisPrefix()}:limit:test`;
    const [one, two] = connections.map((c) => new RedisAttemptLimiter(c, prefix, 3, 60_000, () => now));
    const taken = await Promise.all(Array.from({ length: 5 }, (_, i) => (i % 2 ? one! : two!).take('10.0.0.1')));
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(await one!.take('10.0.0.1')).toBe(false);
    expect(await two!.take('10.0.0.2')).toBe(true);
    await one!.giveBack('10.0.0.1');
    expect(await two!.take('10.0.0.1')).toBe(true);
    expect(await one!.take('10.0.0.1')).toBe(false);
    now = 60_000;
    expect(await two!.take('10.0.0.1')).toBe(true);
    // Giving back in a window that has ended changes nothing.
    now = 200_000;
    await one!.giveBack('10.0.0.1');
    const four = await Promise.all([1, 2, 3, 4].map((i) => (i % 2 ? one! : two!).take('10.0.0.1')));
    expect(four.filter(Boolean)).toHaveLength(3);
  });

  it('lets exactly the limit through when two hundred attempts from two instances arrive at once', async () => {
    const prefix = `${testRedisPrefix()}:limit:test`;
    const [one, two] = connections.map((c) => new RedisAttemptLimiter(c, prefix, 37, 60_000, () => 1_000));
    const taken = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? one! : two!).take('10.0.0.9')));
    expect(taken.filter(Boolean)).toHaveLength(37);
  });
});
