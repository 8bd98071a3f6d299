// The audit chain's hash: HMAC-SM3 (GB/T 32905) keyed outside the database, over the previous hash and the event.
// Keying it means someone who can edit the database cannot simply recompute the chain after a change.
import { sm3 } from 'sm-crypto-v2';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: string;
  ip: string;
  userAgent: string;
  detail: string;
}

export function eventHash(key: Buffer, prevHash: string, e: ChainedFields): string {
  // Fixed field order: the serialisation must be stable forever, so it is spelled out rather than JSON.stringify(e).
  const canonical = JSON.stringify([
    e.seq,
    e.id,
    e.at.toISOString(),
    e.actorId,
    e.actorName,
    e.action,
    e.resourceType,
    e.resourceId,
    e.outcome,
    e.ip,
    e.userAgent,
    e.detail,
  ]);
  return sm3(`${prevHash}\n${canonical}`, { key: new Uint8Array(key), mode: 'hmac' });
}
