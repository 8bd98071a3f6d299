// Opens a backup into a data directory: the manifest's signature and every sealed file's hash are checked before
// anything is opened, each file is opened (authenticated chunk by chunk) and its content hash checked against the
// manifest, and the restored database's audit head must be the one the manifest names. Used by `restore` (into the
// server's data directory, and on PostgreSQL its schema) and by the restore drill (into a scratch directory and, on
// PostgreSQL, a scratch schema).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AuditHead, HeadCheckpoint } from '../audit/headCheckpoint.ts';
import { databasePath } from '../db/client.ts';
import { postgresTarget } from '../db/postgresTarget.ts';
import {
  databaseOf,
  KEYRING_ENTRY,
  readManifest,
  sealedHashes,
  type BackupDatabase,
  type ManifestRead,
} from './manifest.ts';
import { newestAuditEvent, quoteIdent } from './postgresDump.ts';
import { requireRestoreTools, restoreDump, schemaContents } from './postgresRestore.ts';
import { withPostgres } from './postgresTools.ts';
import { backupKey, fileSha256, openFile } from './sealedArchive.ts';

export interface BackupKeys {
  master: Buffer;
  audit: Buffer;
}

/** A step of opening a backup, as the drill prints it. */
export interface BackupCheck {
  ok: boolean;
  what: string;
}

export class BackupProblem extends Error {}

/** Where a backup is opened. */
export interface RestoreTarget {
  dataDir: string;
  keyDir: string;
  /**
   * The deployment's PostgreSQL database (TONGBAN_DATABASE_URL): a PostgreSQL backup is restored into it, into the
   * URL's schema or `schema`. Null: a SQLite deployment.
   */
  databaseUrl: string | null;
  /** A PostgreSQL backup goes into this schema instead of the URL's (the drill's scratch schema, restore --schema). */
  schema?: string;
  /** Open a backup of either provider (the drill); a restore refuses a SQLite backup on a PostgreSQL deployment. */
  anyProvider?: boolean;
  /** Only the database: no uploads, no keyring (restore --schema, a copy to look at beside the live one). */
  databaseOnly?: boolean;
}

export interface OpenedBackup {
  read: Extract<ManifestRead, { state: 'valid' | 'legacy' }>;
  database: BackupDatabase;
  /** The schema a PostgreSQL backup was restored into (null: SQLite). */
  schema: string | null;
  /** The audit head the manifest names (null: legacy backup, or no events). */
  head: HeadCheckpoint | null;
  /** The newest audit event of the restored database. */
  restoredHead: AuditHead | null;
  files: number;
  /** Whether the backup's keyring was put in the key directory (false: none in the backup, or one was there). */
  keyringRestored: boolean;
  checks: BackupCheck[];
}

/** Reads and checks the manifest and the sealed files' hashes; throws BackupProblem naming the first fault. */
export async function checkBackup(keys: BackupKeys, backupDir: string, checks: BackupCheck[] = []) {
  const read = readManifest(backupDir, keys.audit);
  if (read.state === 'invalid') throw new BackupProblem(`the manifest is not valid: ${read.problem}`);
  checks.push({
    ok: true,
    what:
      read.state === 'valid'
        ? `manifest signed with the audit key (made ${read.manifest.createdAt}, ${read.manifest.trigger})`
        : `manifest of the first backup format (made ${read.manifest.createdAt}): unsigned, no audit head`,
  });
  const hashes = sealedHashes(read);
  const { entry } = databaseOf(read);
  if (!hashes[entry]) throw new BackupProblem(`the manifest lists no ${entry}`);
  for (const [name, sum] of Object.entries(hashes)) {
    const file = path.join(backupDir, name);
    if (!fs.existsSync(file)) throw new BackupProblem(`${name} is missing from the backup`);
    if ((await fileSha256(file)) !== sum)
      throw new BackupProblem(`${name} does not match its SHA-256 in the manifest: the backup is damaged`);
  }
  checks.push({ ok: true, what: `${Object.keys(hashes).length} sealed files match their SHA-256 in the manifest` });
  return read;
}

/** Where a PostgreSQL backup goes: the target's schema, which must be absent or empty (the restore never merges). */
async function postgresSchema(target: RestoreTarget, database: BackupDatabase): Promise<string | null> {
  if (database.provider === 'sqlite') {
    if (target.databaseUrl && !target.anyProvider)
      throw new BackupProblem(
        '这是 SQLite 部署的备份，请在未设置 TONGBAN_DATABASE_URL 时恢复 / this is a backup of a SQLite deployment: ' +
          'restore it with TONGBAN_DATABASE_URL unset',
      );
    return null;
  }
  if (!target.databaseUrl)
    throw new BackupProblem(
      `这是 PostgreSQL 部署（模式 ${database.schema}）的备份，请设置 TONGBAN_DATABASE_URL 指向要恢复到的数据库 / this is a ` +
        `backup of a PostgreSQL deployment (schema ${database.schema}): set TONGBAN_DATABASE_URL to the database to restore into`,
    );
  const schema = target.schema ?? postgresTarget(target.databaseUrl).schema;
  await requireRestoreTools(target.databaseUrl);
  if ((await schemaContents(target.databaseUrl, schema)) === 'in use')
    throw new BackupProblem(
      `模式 ${schema} 中已有数据：请先停止所有实例，并将其改名移开 / schema ${schema} already holds tables; stop every ` +
        `instance and move it aside before restoring: ALTER SCHEMA ${quoteIdent(schema)} RENAME TO ` +
        `${quoteIdent(`${schema}_before_restore`.slice(0, 63))}`,
    );
  return schema;
}

/** The newest audit event of the restored database. */
function newestEvent(dataDir: string, url: string | null, schema: string | null): Promise<AuditHead | null> {
  if (url && schema) return withPostgres(url, (client) => newestAuditEvent(client, schema));
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return Promise.resolve(
      (db.prepare('SELECT seq, hash FROM AuditEvent ORDER BY seq DESC LIMIT 1').get() as AuditHead) ?? null,
    );
  } finally {
    db.close();
  }
}

/**
 * Restores into `dataDir`, which must hold no database yet (on PostgreSQL: into the target's schema, which must be
 * absent or empty). Throws BackupProblem (nothing usable restored) or an error from opening a sealed file (wrong key,
 * or tampered).
 */
export async function openBackup(
  keys: BackupKeys,
  backupDir: string,
  target: RestoreTarget,
  checks: BackupCheck[] = [],
): Promise<OpenedBackup> {
  const { dataDir, keyDir } = target;
  const read = await checkBackup(keys, backupDir, checks);
  const database = databaseOf(read);
  const schema = await postgresSchema(target, database);
  const dbFile = databasePath(dataDir);
  if (!schema && fs.existsSync(dbFile))
    throw new BackupProblem(`${dbFile} exists; stop the server and move it aside before restoring`);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const plain = read.state === 'valid' ? read.manifest.files : null;
  const names = Object.keys(sealedHashes(read)).filter((n) => !target.databaseOnly || n === database.entry);
  const sealing = backupKey(keys.master);
  let keyringRestored = false;
  // The dump, opened, lies in the data directory (as the snapshot a backup seals) only until pg_restore has read it.
  const dumpFile = schema ? path.join(dataDir, `restore-${randomUUID()}.pgdump`) : null;
  try {
    for (const name of names) {
      let file = path.join(dataDir, name.replace(/\.enc$/, ''));
      if (name === database.entry) file = dumpFile ?? dbFile;
      if (name === KEYRING_ENTRY) {
        // The key directory's own keyring is newer than the backup's, or belongs to this server: it is kept.
        file = path.join(keyDir, 'keyring.json');
        if (fs.existsSync(file)) continue;
        keyringRestored = true;
      }
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      let sum: string;
      try {
        sum = await openFile(sealing, name, path.join(backupDir, name), file);
      } catch (err) {
        throw new BackupProblem(
          `${name} does not open with the master key (another key, or the file was tampered with): ${(err as Error).message}`,
        );
      }
      if (plain && plain[name]!.plainSha256 !== sum)
        throw new BackupProblem(`${name} opened to other content than was backed up`);
    }
    checks.push({
      ok: true,
      what: `${names.length} files opened with the master key${plain ? ' and match their content hashes' : ''}`,
    });
    if (dumpFile && schema && database.provider === 'postgresql') {
      try {
        await restoreDump(target.databaseUrl!, dumpFile, database.schema, schema);
      } catch (err) {
        throw new BackupProblem(`pg_restore into schema ${schema}: ${(err as Error).message}`);
      }
      checks.push({ ok: true, what: `pg_restore into schema ${schema} ok` });
    }
  } finally {
    if (dumpFile) fs.rmSync(dumpFile, { force: true });
  }
  const head = read.state === 'valid' ? read.manifest.auditHead : null;
  const restoredHead = await newestEvent(dataDir, target.databaseUrl, schema);
  if (read.state === 'valid') {
    const same =
      head === null ? restoredHead === null : restoredHead?.seq === head.seq && restoredHead.hash === head.hash;
    if (!same)
      throw new BackupProblem(
        `the restored database ends at audit event #${restoredHead?.seq ?? 0}, not at #${head?.seq ?? 0} as the manifest says`,
      );
  }
  const files = names.filter((n) => n.startsWith('files/')).length;
  return { read, database, schema, head, restoredHead, files, keyringRestored, checks };
}
