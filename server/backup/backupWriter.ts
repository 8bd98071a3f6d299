// Writes one encrypted backup: a consistent snapshot of the database while the server runs (SQLite:
// databaseSnapshot.ts; PostgreSQL: pg_dump of the deployment's schema, postgresDump.ts) and the uploaded files, each sealed (sealedArchive.ts), with a signed manifest naming the audit chain's head in that
// snapshot. The backup is built under "<name>.partial" and renamed when complete, so a crash never leaves something
// that looks like a backup; the unsealed snapshot only ever lies in the data directory, never on the backup volume.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { signHead, type AuditHead } from '../audit/headCheckpoint.ts';
import type { CoreServices } from '../coreServices.ts';
import { databasePath } from '../db/client.ts';
import { snapshotDatabase } from './databaseSnapshot.ts';
import {
  DATABASE_ENTRY,
  KEYRING_ENTRY,
  POSTGRES_DUMP_ENTRY,
  signManifest,
  writeManifest,
  type BackupDatabase,
  type Manifest,
} from './manifest.ts';
import { dumpPostgres } from './postgresDump.ts';
import { backupKey, sealFile, type SealedFile } from './sealedArchive.ts';

export interface BackupResult {
  /** The backup's directory name (tongban-<instant>), its id in the audit trail. */
  name: string;
  dir: string;
  manifest: Manifest;
  bytes: number;
}

export const BACKUP_PREFIX = 'tongban-';

/** Files under <dataDir>/files, relative, without the upload staging area. */
function uploadedFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return dir === base && e.name === 'tmp' ? [] : uploadedFiles(full, base);
    return [path.relative(base, full)];
  });
}

function headOf(snapshot: string): AuditHead | null {
  const db = new Database(snapshot, { readonly: true });
  try {
    const row = db.prepare('SELECT seq, hash FROM AuditEvent ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined;
    return row ?? null;
  } finally {
    db.close();
  }
}

export async function writeBackup(
  core: Pick<CoreServices, 'config' | 'clock' | 'keys'>,
  root: string,
  trigger: Manifest['trigger'],
): Promise<BackupResult> {
  const { config, keys } = core;
  const createdAt = core.clock.now();
  const name = `${BACKUP_PREFIX}${createdAt.toISOString().replace(/[:.]/g, '-')}`;
  const dir = path.resolve(root, name);
  const partial = `${dir}.partial`;
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  fs.mkdirSync(partial, { mode: 0o700 });
  const pgUrl = config.databaseUrl;
  const snapshot = path.join(config.dataDir, `backup-snapshot-${randomUUID()}.${pgUrl ? 'pgdump' : 'db'}`);
  try {
    let head: AuditHead | null;
    let database: BackupDatabase;
    if (pgUrl) {
      const dump = await dumpPostgres(pgUrl, snapshot);
      head = dump.head;
      database = {
        provider: 'postgresql',
        entry: POSTGRES_DUMP_ENTRY,
        schema: dump.schema,
        serverVersionNum: dump.serverVersionNum,
        pgDump: dump.pgDump,
        rowCounts: dump.rowCounts,
      };
    } else {
      await snapshotDatabase(databasePath(config.dataDir), snapshot);
      head = headOf(snapshot);
      database = { provider: 'sqlite', entry: DATABASE_ENTRY };
    }
    const sealing = backupKey(keys.master, config.cipher);
    const files: Record<string, SealedFile> = {};
    files[database.entry] = await sealFile(sealing, database.entry, snapshot, path.join(partial, database.entry));
    fs.rmSync(snapshot);
    const filesDir = path.join(config.dataDir, 'files');
    for (const rel of uploadedFiles(filesDir)) {
      const entry = `files/${rel.split(path.sep).join('/')}.enc`;
      const target = path.join(partial, entry);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      files[entry] = await sealFile(sealing, entry, path.join(filesDir, rel), target);
    }
    // The keyring as it is now (its key versions wrapped under the master key): values in this snapshot sealed with a
    // version retired later still open from the backup.
    if (fs.existsSync(keys.atRest.file)) {
      fs.mkdirSync(path.join(partial, 'keys'), { mode: 0o700 });
      files[KEYRING_ENTRY] = await sealFile(
        sealing,
        KEYRING_ENTRY,
        keys.atRest.file,
        path.join(partial, KEYRING_ENTRY),
      );
    }
    const manifest = signManifest(keys.audit, {
      createdAt: createdAt.toISOString(),
      trigger,
      database,
      auditHead: head ? signHead(keys.audit, head, createdAt) : null,
      files,
    });
    writeManifest(partial, manifest);
    fs.renameSync(partial, dir);
    const bytes = Object.values(files).reduce((sum, f) => sum + f.bytes, 0);
    return { name, dir, manifest, bytes };
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    fs.rmSync(snapshot, { force: true });
    throw err;
  }
}
