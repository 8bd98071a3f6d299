// The restore drill (`npm run cli -- backup-drill DIR`): restores a backup into a scratch directory, as a real restore
// would, and checks everything a restore depends on: the signed manifest, every file's hash sealed and opened, the
// database's integrity, the audit chain from its first event, and that the chain ends at the head the manifest names.
// The live data directory and its head checkpoint are not touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../audit/verifyChain.ts';
import { databasePath, openDatabase } from '../db/client.ts';
import { Keyring } from '../security/keyring.ts';
import { FileStore } from '../storage/fileStore.ts';
import { openBackup, type BackupCheck, type BackupKeys, type OpenedBackup } from './backupReader.ts';

export interface DrillReport {
  ok: boolean;
  backupDir: string;
  checks: BackupCheck[];
}

export async function drillBackup(
  keys: BackupKeys,
  backupDir: string,
  options: { scratchDir?: string; keep?: boolean } = {},
): Promise<DrillReport & { scratchDir: string }> {
  const scratchDir = options.scratchDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-drill-'));
  const checks: BackupCheck[] = [];
  const fail = (what: string) => {
    checks.push({ ok: false, what });
    return { ok: false, backupDir, checks, scratchDir };
  };
  try {
    let opened;
    try {
      opened = await openBackup(
        keys,
        backupDir,
        { dataDir: scratchDir, keyDir: path.join(scratchDir, 'keys') },
        checks,
      );
    } catch (err) {
      return fail((err as Error).message);
    }
    checks.push({ ok: true, what: `restored into ${scratchDir}` });
    if (opened.read.state === 'legacy') return fail('a backup of the first format has no audit head to check');

    const sqlite = new Database(databasePath(scratchDir), { readonly: true });
    const integrity = (sqlite.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
    sqlite.close();
    if (integrity !== 'ok') return fail(`database integrity check: ${integrity}`);
    checks.push({ ok: true, what: 'database integrity check ok' });

    const db = await openDatabase(scratchDir);
    let chain;
    try {
      chain = await verifyAuditChain(db, keys.audit);
    } finally {
      await db.$disconnect();
    }
    if (!chain.ok)
      return fail(
        `audit chain broken at event #${chain.brokenAt.seq}: ${chain.brokenAt.reason.replace('_', ' ')} ` +
          `(${chain.events} events before it verify)`,
      );
    checks.push({ ok: true, what: `audit chain verifies: ${chain.events} events` });
    const head = opened.head;
    if (head === null ? chain.events !== 0 : chain.events !== head.seq || chain.lastHash !== head.hash)
      return fail(`the audit chain ends at #${chain.events}, not at the head the manifest names (#${head?.seq ?? 0})`);
    checks.push({
      ok: true,
      what: head ? `audit chain ends at the manifest's head: event #${head.seq}` : 'no audit events (empty database)',
    });
    const unopened = await uploadsNotOpening(keys, scratchDir, opened);
    if (unopened) return fail(unopened);
    checks.push({ ok: true, what: `${opened.files} uploaded file(s) open with the keyring and match their address` });
    return { ok: true, backupDir, checks, scratchDir };
  } finally {
    if (!options.keep) fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** Opens every restored upload as the server would (its keyring, its content address); names the first that fails. */
async function uploadsNotOpening(keys: BackupKeys, scratchDir: string, opened: OpenedBackup): Promise<string | null> {
  const keyring = new Keyring(path.join(scratchDir, 'keys'), keys.master, 'aes-256-gcm');
  const store = new FileStore(path.join(scratchDir, 'files'), keyring);
  const names = opened.read.state === 'valid' ? Object.keys(opened.read.manifest.files) : [];
  for (const name of names.filter((n) => n.startsWith('files/'))) {
    const address = path.basename(name, '.enc');
    try {
      await store.read(address);
    } catch (err) {
      return `uploaded file ${address} does not open or match its address: ${(err as Error).message}`;
    }
  }
  return null;
}

export function describeDrill(report: DrillReport & { scratchDir: string }, kept: boolean): string {
  const lines = [`Restore drill of ${report.backupDir}`];
  for (const c of report.checks) lines.push(`  ${c.ok ? '✓' : '✗'} ${c.what}`);
  if (kept) lines.push(`  (scratch directory kept: ${report.scratchDir})`);
  const failed = report.checks.find((c) => !c.ok);
  lines.push(report.ok ? 'Restore drill PASSED' : `Restore drill FAILED: ${failed?.what ?? 'unknown'}`);
  return `${lines.join('\n')}\n`;
}
