// The server's signature on closed minutes: HMAC-SM3 (GB/T 32905, as the audit chain) over a fixed statement of
// which version of which minutes was closed, when and with what content hash. The key is derived from the master key
// for this purpose only (HKDF-SHA256), so it lives outside the database like the master key itself.
import { hkdfSync } from 'node:crypto';
import { sm3 } from 'sm-crypto-v2';
import { safeEqual } from './tokens.ts';

const SIGNATURE_VERSION = 'v1';

export interface MinutesStatement {
  meetingId: string;
  documentId: string;
  versionId: string;
  contentHash: string;
  closedAt: Date;
  closedById: string;
}

export function minutesSigningKey(master: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'tongban/minutes-signature/v1', 32));
}

function canonical(s: MinutesStatement): string {
  // Spelled out field by field: the statement must serialise the same way forever.
  return JSON.stringify([
    SIGNATURE_VERSION,
    s.meetingId,
    s.documentId,
    s.versionId,
    s.contentHash,
    s.closedAt.toISOString(),
    s.closedById,
  ]);
}

export function signMinutes(key: Buffer, statement: MinutesStatement): string {
  return `${SIGNATURE_VERSION}:${sm3(canonical(statement), { key: new Uint8Array(key), mode: 'hmac' })}`;
}

export function verifyMinutesSignature(key: Buffer, statement: MinutesStatement, signature: string): boolean {
  return safeEqual(signMinutes(key, statement), signature);
}
