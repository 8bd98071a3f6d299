// Account lockout after repeated failed sign-ins.

export interface LockoutState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export interface LockoutRules {
  threshold: number;
  lockMinutes: number;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure: the threshold-th consecutive failure locks the account. */
export function afterFailure(state: LockoutState, now: Date, rules: LockoutRules): LockoutState {
  const expired = state.lockedUntil !== null && !isLocked(state, now);
  const failedAttempts = (expired ? 0 : state.failedAttempts) + 1;
  if (failedAttempts >= rules.threshold) {
    return { failedAttempts, lockedUntil: new Date(now.getTime() + rules.lockMinutes * 60_000) };
  }
  return { failedAttempts, lockedUntil: expired ? null : state.lockedUntil };
}

export const afterSuccess: LockoutState = { failedAttempts: 0, lockedUntil: null };
