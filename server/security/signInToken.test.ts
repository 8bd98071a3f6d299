import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueSignInToken, SIGN_IN_PERIOD_SECONDS, verifySignInToken } from './signInToken.ts';

const master = randomBytes(32);
const t0 = new Date(Math.floor(Date.UTC(2026, 11, 1, 1, 0, 0) / 30_000) * 30_000);
const after = (s: number) => new Date(t0.getTime() + s * 1000);

describe('sign-in QR token', () => {
  const { token, refreshAt, expiresAt } = issueSignInToken(master, 'meeting-1', t0);

  it('rotates every period and stays valid for one more', () => {
    expect(refreshAt.getTime() - t0.getTime()).toBe(SIGN_IN_PERIOD_SECONDS * 1000);
    expect(expiresAt.getTime() - t0.getTime()).toBe(2 * SIGN_IN_PERIOD_SECONDS * 1000);
    expect(issueSignInToken(master, 'meeting-1', after(29)).token).toBe(token);
    expect(issueSignInToken(master, 'meeting-1', after(30)).token).not.toBe(token);
  });

  it.each<[string, () => boolean, boolean]>([
    ['at once', () => verifySignInToken(master, 'meeting-1', token, t0), true],
    ['59 seconds later', () => verifySignInToken(master, 'meeting-1', token, after(59)), true],
    ['60 seconds later: expired', () => verifySignInToken(master, 'meeting-1', token, after(60)), false],
    ['for another meeting', () => verifySignInToken(master, 'meeting-2', token, t0), false],
    ['under another key', () => verifySignInToken(randomBytes(32), 'meeting-1', token, t0), false],
    [
      'from the future',
      () => verifySignInToken(master, 'meeting-1', issueSignInToken(master, 'meeting-1', after(60)).token, t0),
      false,
    ],
    [
      'with a forged period',
      () =>
        verifySignInToken(
          master,
          'meeting-1',
          token.replace(/^\d+/, (p) => String(Number(p) + 1)),
          after(30),
        ),
      false,
    ],
    ['truncated', () => verifySignInToken(master, 'meeting-1', token.slice(0, -1), t0), false],
    ['garbage', () => verifySignInToken(master, 'meeting-1', 'x'.repeat(100), t0), false],
  ])('verifies %s → %s', (_name, check, expected) => {
    expect(check()).toBe(expected);
  });
});
