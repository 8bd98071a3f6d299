// Counts attempts per key (a client address) in fixed windows, for limits that must hold when attempts arrive all at
// once. The interface is asynchronous so that a shared store (Redis INCR with an expiry, DECR to give back) can take the
// in-memory counter's place when the server runs as several nodes; each call is one atomic step there as here.

export interface AttemptLimiter {
  /** Counts one attempt for `key`; false (and not counted) when the key's budget for the current window is spent. */
  take(key: string): Promise<boolean>;
  /** Gives one attempt back, for attempts that should not count once they turned out well (a valid session). */
  giveBack(key: string): Promise<void>;
}

interface Window {
  count: number;
  endsAt: number;
}

/** Above this many keys, windows that have ended are swept on the next take. */
const SWEEP_ABOVE = 10_000;

/**
 * One node's limiter. take() reads and writes its counter in one synchronous step (no await in between), so parallel
 * attempts on this node cannot all read a stale count.
 */
export class MemoryAttemptLimiter implements AttemptLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  take(key: string): Promise<boolean> {
    const now = this.now();
    if (this.windows.size > SWEEP_ABOVE) this.sweep(now);
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) this.windows.set(key, (w = { count: 0, endsAt: now + this.windowMs }));
    if (w.count >= this.max) return Promise.resolve(false);
    w.count += 1;
    return Promise.resolve(true);
  }

  giveBack(key: string): Promise<void> {
    const w = this.windows.get(key);
    if (w && w.count > 0 && w.endsAt > this.now()) w.count -= 1;
    return Promise.resolve();
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.endsAt <= now) this.windows.delete(key);
  }
}
