// A backup's manifest: when it was made, which database it holds (the SQLite file, or a PostgreSQL schema's pg_dump
// with its row counts), the audit chain's head in that database (a signed checkpoint), and the SHA-256 of every file
// before and after sealing; the whole signed with HMAC-SM3 under the audit key, so neither the list of
// files nor the head can be changed without the key. A restore checks it before opening anything.
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sm3 } from 'sm-crypto-v2';
import type { HeadCheckpoint } from '../audit/headCheckpoint.ts';
import type { SealedFile } from './sealedArchive.ts';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_ENTRY = 'tongban.db.enc';
/** A PostgreSQL deployment's database: `pg_dump --format=custom` of its schema, sealed. */
export const POSTGRES_DUMP_ENTRY = 'tongban.pgdump.enc';
export const KEYRING_ENTRY = 'keys/keyring.json.enc';
/** Format 3 names the database's provider; format 2 (SQLite only) is still read. */
const FORMAT = 'tongban-backup/3';
const FORMAT_2 = 'tongban-backup/2';

/** The database in a backup and the entry that holds it. */
export type BackupDatabase =
  | { provider: 'sqlite'; entry: typeof DATABASE_ENTRY }
  | {
      provider: 'postgresql';
      entry: typeof POSTGRES_DUMP_ENTRY;
      /** The schema it was dumped from. */
      schema: string;
      /** The server's `server_version_num` and the pg_dump that wrote the dump. */
      serverVersionNum: number;
      pgDump: string;
      /** Rows of every table at the dump's instant, which the restore drill counts again. */
      rowCounts: Record<string, number>;
    };

export interface Manifest {
  format: typeof FORMAT | typeof FORMAT_2;
  createdAt: string;
  trigger: 'manual' | 'scheduled';
  database: BackupDatabase;
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
  if (m.format === FORMAT_2) {
    const canonical = JSON.stringify([m.format, m.createdAt, m.trigger, head, files]);
    return sm3(`tongban backup manifest v2\n${canonical}`, { key: new Uint8Array(key), mode: 'hmac' });
  }
  const canonical = JSON.stringify([m.format, m.createdAt, m.trigger, databaseFields(m.database), head, files]);
  return sm3(`tongban backup manifest v3\n${canonical}`, { key: new Uint8Array(key), mode: 'hmac' });
}

function databaseFields(d: BackupDatabase): unknown[] {
  if (d.provider === 'sqlite') return [d.provider, d.entry];
  const counts = Object.keys(d.rowCounts)
    .sort()
    .map((table) => [table, d.rowCounts[table]]);
  return [d.provider, d.entry, d.schema, d.serverVersionNum, d.pgDump, counts];
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
  if (
    (m.format !== FORMAT && m.format !== FORMAT_2) ||
    typeof m.createdAt !== 'string' ||
    !m.files ||
    typeof m.mac !== 'string' ||
    (m.format === FORMAT && !isDatabase(m.database))
  )
    return { state: 'invalid', problem: 'not a Tongban backup manifest' };
  const manifest = (
    m.format === FORMAT_2 ? { ...m, database: { provider: 'sqlite', entry: DATABASE_ENTRY } } : m
  ) as Manifest;
  const expected = Buffer.from(macOf(key, manifest), 'hex');
  const given = Buffer.from(manifest.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return {
      state: 'invalid',
      problem: 'its signature does not match the audit key: the manifest was changed, or the key is another',
    };
  return { state: 'valid', manifest };
}

function isDatabase(d: unknown): d is BackupDatabase {
  const v = d as { [K in keyof Extract<BackupDatabase, { provider: 'postgresql' }>]?: unknown } | undefined;
  if (v?.provider === 'sqlite') return v.entry === DATABASE_ENTRY;
  return (
    v?.provider === 'postgresql' &&
    v.entry === POSTGRES_DUMP_ENTRY &&
    typeof v.schema === 'string' &&
    typeof v.serverVersionNum === 'number' &&
    typeof v.pgDump === 'string' &&
    typeof v.rowCounts === 'object' &&
    v.rowCounts !== null
  );
}

/** The database a backup holds: a legacy or format-2 backup holds the SQLite file. */
export function databaseOf(read: Extract<ManifestRead, { state: 'valid' | 'legacy' }>): BackupDatabase {
  return read.state === 'valid' ? read.manifest.database : { provider: 'sqlite', entry: DATABASE_ENTRY };
}

/** Sealed-file hashes as the manifest lists them, whatever its format. */
export function sealedHashes(read: Extract<ManifestRead, { state: 'valid' | 'legacy' }>): Record<string, string> {
  if (read.state === 'legacy') return read.manifest.sha256;
  return Object.fromEntries(Object.entries(read.manifest.files).map(([name, f]) => [name, f.sha256]));
}
