import { describe, expect, it } from 'vitest';
import { MemoryAttemptLimiter } from './attemptLimiter.ts';

describe('MemoryAttemptLimiter', () => {
  it('counts attempts per key in fixed windows, and gives back what turned out well', async () => {
    let now = 0;
    const limiter = new MemoryAttemptLimiter(3, 60_000, () => now);
    const taken = await Promise.all(Array.from({ length: 5 }, () => limiter.take('10.0.0.1')));
    expect(taken).toEqual([true, true, true, false, false]);
    expect(await limiter.take('10.0.0.2')).toBe(true);
    await limiter.giveBack('10.0.0.1');
    expect(await limiter.take('10.0.0.1')).toBe(true);
    expect(await limiter.take('10.0.0.1')).toBe(false);
    now = 60_000;
    expect(await limiter.take('10.0.0.1')).toBe(true);
    // Giving back in a window that has ended changes nothing.
    now = 200_000;
    await limiter.giveBack('10.0.0.1');
    expect(await Promise.all([1, 2, 3, 4].map(() => limiter.take('10.0.0.1')))).toEqual([true, true, true, false]);
  });
});
