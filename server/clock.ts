// The application's notion of "now". Commands read time only from here, so tests can move it without sleeping.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that follows real time plus an offset the tests can advance; it may start at a chosen instant. */
export class AdjustableClock implements Clock {
  private readonly startOffsetMs: number;
  private offsetMs: number;

  constructor(startAt?: Date) {
    this.startOffsetMs = startAt ? startAt.getTime() - Date.now() : 0;
    this.offsetMs = this.startOffsetMs;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Back to where the clock started (real time, unless it started at a chosen instant). */
  reset(): void {
    this.offsetMs = this.startOffsetMs;
  }
}
