// A backup's manifest: when it was made, the audit chain's head in its database (a signed checkpoint), and the SHA-256
// of every file before and after sealing; the whole signed with HMAC-SM3 under the audit key, so neither the list of
// files nor the head can be changed without the key. A restore checks it before opening anything.
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sm3 } from 'sm-crypto-v2';
import type { HeadCheckpoint } from '../audit/headCheckpoint.ts';
import type { SealedFile } from './sealedArchive.ts';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_ENTRY = 'tongban.db.enc';
export const KEYRING_ENTRY = 'keys/keyring.json.enc';
const FORMAT = 'tongban-backup/2';

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  trigger: 'manual' | 'scheduled';
  /** The newest audit event in the backed-up database, signed like the live head checkpoint; null: no events. */
  auditHead: HeadCheckpoint | null;
  /** Path inside the backup → the sealed file's and the content's hashes. */
  files: Record<string, SealedFile>;
  mac: string;
}

/** A manifest of the first format (before the audit head): only the sealed files' hashes, unsigned. */
export interface LegacyManifest {
  createdAt: string;
  sha256: Record<string, string>;
}

export type ManifestRead =
  | { state: 'valid'; manifest: Manifest }
  | { state: 'legacy'; manifest: LegacyManifest }
  | { state: 'invalid'; problem: string };

function macOf(key: Buffer, m: Omit<Manifest, 'mac'>): string {
  const files = Object.keys(m.files)
    .sort()
    .map((name) => [name, m.files[name]!.sha256, m.files[name]!.bytes, m.files[name]!.plainSha256]);
  const head = m.auditHead ? [m.auditHead.seq, m.auditHead.hash, m.auditHead.at, m.auditHead.mac] : null;
  const canonical = JSON.stringify([m.format, m.createdAt, m.trigger, head, files]);
  return sm3(`tongban backup manifest v2\n${canonical}`, { key: new Uint8Array(key), mode: 'hmac' });
}

export function signManifest(key: Buffer, body: Omit<Manifest, 'format' | 'mac'>): Manifest {
  const unsigned = { format: FORMAT, ...body } as const;
  return { ...unsigned, mac: macOf(key, unsigned) };
}

export function writeManifest(dir: string, manifest: Manifest): void {
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

export function readManifest(dir: string, key: Buffer): ManifestRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch (err) {
    return { state: 'invalid', problem: `no readable ${MANIFEST_FILE} (${(err as Error).message})` };
  }
  const m = parsed as Partial<Manifest> & Partial<LegacyManifest>;
  if (m.format === undefined && m.sha256 && typeof m.createdAt === 'string')
    return { state: 'legacy', manifest: { createdAt: m.createdAt, sha256: m.sha256 } };
  if (m.format !== FORMAT || typeof m.createdAt !== 'string' || !m.files || typeof m.mac !== 'string')
    return { state: 'invalid', problem: 'not a Tongban backup manifest' };
  const manifest = m as Manifest;
  const expected = Buffer.from(macOf(key, manifest), 'hex');
  const given = Buffer.from(manifest.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return {
      state: 'invalid',
      problem: 'its signature does not match the audit key: the manifest was changed, or the key is another',
    };
  return { state: 'valid', manifest };
}

/** Sealed-file hashes as the manifest lists them, whatever its format. */
export function sealedHashes(read: Extract<ManifestRead, { state: 'valid' | 'legacy' }>): Record<string, string> {
  if (read.state === 'legacy') return read.manifest.sha256;
  return Object.fromEntries(Object.entries(read.manifest.files).map(([name, f]) => [name, f.sha256]));
}
