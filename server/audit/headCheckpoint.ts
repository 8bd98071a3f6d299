// The audit chain's head anchored outside the database: the newest event's sequence number and hash, signed with
// HMAC-SM3 under the audit key and kept in a file beside the keys (and in every backup manifest). The chain alone
// proves that no event was edited or removed in the middle; only this anchor shows that the newest ones were removed.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sm3 } from 'sm-crypto-v2';

/** The newest event of the chain. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** An anchored head: when it was written (the application clock) and its HMAC-SM3 under the audit key. */
export interface HeadCheckpoint extends AuditHead {
  format: 1;
  at: string;
  mac: string;
}

export type CheckpointRead =
  { state: 'missing' } | { state: 'invalid'; problem: string } | { state: 'valid'; checkpoint: HeadCheckpoint };

// A context string of its own, so a checkpoint's MAC can never be mistaken for an event hash or any other MAC.
function macOf(key: Buffer, head: AuditHead, at: string): string {
  return sm3(`tongban audit head v1\n${head.seq}\n${head.hash}\n${at}`, { key: new Uint8Array(key), mode: 'hmac' });
}

export function signHead(key: Buffer, head: AuditHead, at: Date): HeadCheckpoint {
  const stamp = at.toISOString();
  return { format: 1, seq: head.seq, hash: head.hash, at: stamp, mac: macOf(key, head, stamp) };
}

/** Whether a value read from a file or a manifest is a checkpoint signed with this key; names what is wrong if not. */
export function checkSignedHead(key: Buffer, value: unknown): CheckpointRead {
  const v = value as Partial<HeadCheckpoint> | null;
  if (
    !v ||
    typeof v !== 'object' ||
    v.format !== 1 ||
    !Number.isInteger(v.seq) ||
    (v.seq ?? 0) < 1 ||
    typeof v.hash !== 'string' ||
    typeof v.at !== 'string' ||
    typeof v.mac !== 'string'
  )
    return { state: 'invalid', problem: 'not a Tongban audit head checkpoint' };
  const checkpoint = v as HeadCheckpoint;
  const expected = Buffer.from(macOf(key, checkpoint, checkpoint.at), 'hex');
  const given = Buffer.from(checkpoint.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { state: 'invalid', problem: 'its signature does not match the audit key (edited, or another key)' };
  return { state: 'valid', checkpoint };
}

export function readCheckpoint(file: string, key: Buffer): CheckpointRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw err;
  }
  try {
    return checkSignedHead(key, JSON.parse(text));
  } catch {
    return { state: 'invalid', problem: 'not valid JSON' };
  }
}

/** Replaces the checkpoint file at once (a temporary file renamed over it), readable by the server's account only. */
export function writeCheckpoint(file: string, checkpoint: HeadCheckpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
