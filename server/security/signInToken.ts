// The rotating token behind the sign-in QR code on a meeting room's screen (签到码). It is an HMAC over the meeting
// and a 30-second period, under a key derived from the master key, so it needs no storage; a photo of the screen
// sent to someone elsewhere stops working within a minute at most.
import { createHmac, hkdfSync } from 'node:crypto';
import { safeEqual } from './tokens.ts';

export const SIGN_IN_PERIOD_SECONDS = 30;
/** The current period and the one before are accepted, so a code scanned just before it rotates still works. */
const ACCEPTED_PERIODS = 2;

function signingKey(master: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'tongban meeting sign-in v1', 32));
}

function periodOf(now: Date): number {
  return Math.floor(now.getTime() / 1000 / SIGN_IN_PERIOD_SECONDS);
}

function signature(master: Buffer, meetingId: string, period: number): string {
  return createHmac('sha256', signingKey(master))
    .update(`${meetingId}.${period}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export interface SignInToken {
  token: string;
  /** When the screen should show the next code. */
  refreshAt: Date;
  /** When this code stops being accepted. */
  expiresAt: Date;
}

export function issueSignInToken(master: Buffer, meetingId: string, now: Date): SignInToken {
  const period = periodOf(now);
  const periodMs = SIGN_IN_PERIOD_SECONDS * 1000;
  return {
    token: `${period}.${signature(master, meetingId, period)}`,
    refreshAt: new Date((period + 1) * periodMs),
    expiresAt: new Date((period + ACCEPTED_PERIODS) * periodMs),
  };
}

export function verifySignInToken(master: Buffer, meetingId: string, token: string, now: Date): boolean {
  if (token.length > 64) return false;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return false;
  const period = Number(match[1]);
  const current = periodOf(now);
  if (period > current || period <= current - ACCEPTED_PERIODS) return false;
  return safeEqual(match[2]!, signature(master, meetingId, period));
}
