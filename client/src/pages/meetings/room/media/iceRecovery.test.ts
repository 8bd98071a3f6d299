import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ICE_DISCONNECTED_GRACE_MS, ICE_RESTART_TIMEOUT_MS, IceRecovery, type TransportState } from './iceRecovery.ts';

/** A transport whose state the test sets, recording restarts and the give-up. */
function transport(restart: () => Promise<void> = () => Promise.resolve()) {
  const t = { state: 'connected' as TransportState, restarts: 0, gaveUp: [] as string[] };
  const recovery = new IceRecovery({
    state: () => t.state,
    restartIce: async () => {
      t.restarts++;
      await restart();
    },
    giveUp: (reason) => t.gaveUp.push(reason),
  });
  const set = (state: TransportState) => {
    t.state = state;
    recovery.onState(state);
  };
  return { t, recovery, set };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ICE recovery', () => {
  it('lets a brief disconnection heal by itself', async () => {
    const { t, set } = transport();
    set('disconnected');
    await vi.advanceTimersByTimeAsync(ICE_DISCONNECTED_GRACE_MS - 100);
    set('connected');
    await vi.advanceTimersByTimeAsync(ICE_RESTART_TIMEOUT_MS * 2);
    expect(t.restarts).toBe(0);
    expect(t.gaveUp).toEqual([]);
  });

  it('restarts ICE when the transport stays disconnected, and stops there when it reconnects', async () => {
    const { t, set } = transport();
    set('disconnected');
    await vi.advanceTimersByTimeAsync(ICE_DISCONNECTED_GRACE_MS);
    expect(t.restarts).toBe(1);
    set('connected');
    await vi.advanceTimersByTimeAsync(ICE_RESTART_TIMEOUT_MS);
    expect(t.gaveUp).toEqual([]);
  });

  it('restarts at once when the transport failed, once even if it is reported twice', async () => {
    const { t, set } = transport();
    set('failed');
    set('failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.restarts).toBe(1);
  });

  it('gives way to a full rejoin when the restart does not reconnect in time', async () => {
    const { t, set } = transport();
    set('failed');
    await vi.advanceTimersByTimeAsync(ICE_RESTART_TIMEOUT_MS - 1);
    expect(t.gaveUp).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.gaveUp).toEqual(['ICE restart did not reconnect']);
  });

  it('gives way to a full rejoin at once when the restart itself fails', async () => {
    const { t, set } = transport(() => Promise.reject(new Error('disconnected')));
    set('failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.gaveUp).toEqual(['ICE restart failed: disconnected']);
  });

  it('does nothing more once stopped (the media session closed)', async () => {
    const { t, recovery, set } = transport();
    set('disconnected');
    recovery.stop();
    await vi.advanceTimersByTimeAsync(ICE_RESTART_TIMEOUT_MS * 2);
    set('failed');
    await vi.advanceTimersByTimeAsync(ICE_RESTART_TIMEOUT_MS * 2);
    expect(t.restarts).toBe(0);
    expect(t.gaveUp).toEqual([]);
  });
});
