// Opens a backup into a data directory: the manifest's signature and every sealed file's hash are checked before
// anything is opened, each file is opened (authenticated chunk by chunk) and its content hash checked against the
// manifest, and the restored database's audit head must be the one the manifest names. Used by `restore` (into the
// server's data directory) and by the restore drill (into a scratch directory).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AuditHead, HeadCheckpoint } from '../audit/headCheckpoint.ts';
import { databasePath } from '../db/client.ts';
import { DATABASE_ENTRY, KEYRING_ENTRY, readManifest, sealedHashes, type ManifestRead } from './manifest.ts';
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

export interface OpenedBackup {
  read: Extract<ManifestRead, { state: 'valid' | 'legacy' }>;
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
  if (!hashes[DATABASE_ENTRY]) throw new BackupProblem(`the manifest lists no ${DATABASE_ENTRY}`);
  for (const [name, sum] of Object.entries(hashes)) {
    const file = path.join(backupDir, name);
    if (!fs.existsSync(file)) throw new BackupProblem(`${name} is missing from the backup`);
    if ((await fileSha256(file)) !== sum)
      throw new BackupProblem(`${name} does not match its SHA-256 in the manifest: the backup is damaged`);
  }
  checks.push({ ok: true, what: `${Object.keys(hashes).length} sealed files match their SHA-256 in the manifest` });
  return read;
}

function newestEvent(dataDir: string): AuditHead | null {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return (db.prepare('SELECT seq, hash FROM AuditEvent ORDER BY seq DESC LIMIT 1').get() as AuditHead) ?? null;
  } finally {
    db.close();
  }
}

/**
 * Restores into `dataDir`, which must hold no database yet. Throws BackupProblem (nothing usable restored) or an error
 * from opening a sealed file (wrong key, or tampered).
 */
export async function openBackup(
  keys: BackupKeys,
  backupDir: string,
  target: { dataDir: string; keyDir: string },
  checks: BackupCheck[] = [],
): Promise<OpenedBackup> {
  const { dataDir, keyDir } = target;
  const read = await checkBackup(keys, backupDir, checks);
  const dbFile = databasePath(dataDir);
  if (fs.existsSync(dbFile))
    throw new BackupProblem(`${dbFile} exists; stop the server and move it aside before restoring`);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const plain = read.state === 'valid' ? read.manifest.files : null;
  const names = Object.keys(sealedHashes(read));
  const sealing = backupKey(keys.master);
  let keyringRestored = false;
  for (const name of names) {
    let file = path.join(dataDir, name.replace(/\.enc$/, ''));
    if (name === DATABASE_ENTRY) file = dbFile;
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
  const head = read.state === 'valid' ? read.manifest.auditHead : null;
  const restoredHead = newestEvent(dataDir);
  if (read.state === 'valid') {
    const same =
      head === null ? restoredHead === null : restoredHead?.seq === head.seq && restoredHead.hash === head.hash;
    if (!same)
      throw new BackupProblem(
        `the restored database ends at audit event #${restoredHead?.seq ?? 0}, not at #${head?.seq ?? 0} as the manifest says`,
      );
  }
  const files = names.filter((n) => n.startsWith('files/')).length;
  return { read, head, restoredHead, files, keyringRestored, checks };
}
