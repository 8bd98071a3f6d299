import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, type LockoutState } from './lockout.ts';

const rules = { threshold: 5, lockMinutes: 30 };
const t0 = new Date('2026-11-21T09:00:00+08:00');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe('lockout', () => {
  it('locks on the fifth consecutive failure for 30 minutes', () => {
    let s: LockoutState = { failedAttempts: 0, lockedUntil: null };
    for (let i = 1; i <= 4; i++) {
      s = afterFailure(s, t0, rules);
      expect(isLocked(s, t0)).toBe(false);
    }
    s = afterFailure(s, t0, rules);
    expect(isLocked(s, t0)).toBe(true);
    expect(isLocked(s, minutes(29))).toBe(true);
    expect(isLocked(s, minutes(30))).toBe(false);
  });

  it('starts counting afresh once a lock has expired', () => {
    const locked: LockoutState = { failedAttempts: 5, lockedUntil: minutes(30) };
    const next = afterFailure(locked, minutes(31), rules);
    expect(next).toEqual({ failedAttempts: 1, lockedUntil: null });
  });
});
