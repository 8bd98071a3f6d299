import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeServerTime, serverNow } from './serverClock.ts';

describe('serverNow', () => {
  afterEach(() => vi.useRealTimers());

  it('follows the server clock once its time has been seen, and ignores a time it cannot read', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-21T08:00:00Z') });
    observeServerTime('2026-11-24T08:00:05Z');
    expect(new Date(serverNow()).toISOString()).toBe('2026-11-24T08:00:05.000Z');
    vi.advanceTimersByTime(60_000);
    expect(new Date(serverNow()).toISOString()).toBe('2026-11-24T08:01:05.000Z');
    observeServerTime('not a time');
    expect(new Date(serverNow()).toISOString()).toBe('2026-11-24T08:01:05.000Z');
  });
});
