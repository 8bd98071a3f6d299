// Short-lived tokens that open one document on /collab for one session (signed with a key derived from the master key).
import { createHmac, hkdfSync } from 'node:crypto';
import { safeEqual } from '../security/tokens.ts';

export const COLLAB_TOKEN_SECONDS = 300;

export interface CollabClaims {
  sid: string;
  uid: string;
  doc: string;
  exp: number;
}

function signingKey(master: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'tongban collab token v1', 32));
}

export function issueCollabToken(
  master: Buffer,
  claims: Omit<CollabClaims, 'exp'>,
  now: Date,
): { token: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + COLLAB_TOKEN_SECONDS;
  const body = Buffer.from(JSON.stringify({ ...claims, exp })).toString('base64url');
  const sig = createHmac('sha256', signingKey(master)).update(body).digest('base64url');
  return { token: `${body}.${sig}`, expiresAt: new Date(exp * 1000) };
}

export function verifyCollabToken(master: Buffer, token: string, now: Date): CollabClaims | null {
  const [body, sig] = token.split('.');
  if (!body || !sig || token.length > 2048) return null;
  const expected = createHmac('sha256', signingKey(master)).update(body).digest('base64url');
  if (!safeEqual(sig, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as CollabClaims;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return null;
    if (typeof claims.sid !== 'string' || typeof claims.uid !== 'string' || typeof claims.doc !== 'string') return null;
    return claims;
  } catch {
    return null;
  }
}
