// The backups in a backup directory, newest first, and pruning to the configured number (TONGBAN_BACKUP_KEEP). Only
// directories that are complete Tongban backups (a name tongban-…, a manifest with its instant) are counted or removed;
// anything else an operator keeps there is left alone.
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_PREFIX } from './backupWriter.ts';
import { MANIFEST_FILE } from './manifest.ts';

export interface BackupEntry {
  name: string;
  dir: string;
  createdAt: Date;
}

export function listBackups(root: string): BackupEntry[] {
  if (!fs.existsSync(root)) return [];
  const entries: BackupEntry[] = [];
  for (const e of fs.readdirSync(root, { withFileTypes: true })) {
    if (!e.isDirectory() || !e.name.startsWith(BACKUP_PREFIX) || e.name.endsWith('.partial')) continue;
    const dir = path.join(root, e.name);
    try {
      const { createdAt } = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as {
        createdAt?: unknown;
      };
      const at = typeof createdAt === 'string' ? new Date(createdAt) : null;
      if (at && !Number.isNaN(at.getTime())) entries.push({ name: e.name, dir, createdAt: at });
    } catch {
      // Not a complete backup (no readable manifest): neither counted nor removed.
      continue;
    }
  }
  return entries.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

/** Removes all but the newest `keep` backups; returns the names removed. */
export function pruneBackups(root: string, keep: number): string[] {
  const old = listBackups(root).slice(keep);
  for (const b of old) fs.rmSync(b.dir, { recursive: true, force: true });
  return old.map((b) => b.name);
}
