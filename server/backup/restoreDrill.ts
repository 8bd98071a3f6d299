// The restore drill (`npm run cli -- backup-drill DIR`): restores a backup into a scratch directory (a PostgreSQL
// deployment's database into a scratch schema of its database), as a real restore would, and checks everything a
// restore depends on: the signed manifest, every file's hash sealed and opened, the database's integrity (SQLite's
// integrity check; on PostgreSQL every table's rows against the counts the manifest recorded), the audit chain from its
// first event, and that the chain ends at the head the manifest names. The live data directory, schema and head
// checkpoint are not touched; the scratch directory and schema are removed afterwards unless kept.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../audit/verifyChain.ts';
import { databasePath, openDatabase, openPostgres, type Db } from '../db/client.ts';
import { Keyring } from '../security/keyring.ts';
import { FileStore } from '../storage/fileStore.ts';
import { openBackup, type BackupCheck, type BackupKeys, type OpenedBackup } from './backupReader.ts';
import type { BackupDatabase } from './manifest.ts';
import { countRows } from './postgresDump.ts';
import { dropSchema } from './postgresRestore.ts';
import { withSchema } from '../db/postgresTarget.ts';
import { withPostgres } from './postgresTools.ts';

export interface DrillReport {
  ok: boolean;
  backupDir: string;
  checks: BackupCheck[];
}

export async function drillBackup(
  keys: BackupKeys,
  backupDir: string,
  options: { scratchDir?: string; keep?: boolean; databaseUrl?: string | null } = {},
): Promise<DrillReport & { scratchDir: string; scratchSchema: string | null }> {
  const scratchDir = options.scratchDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-drill-'));
  // Used only if the backup is a PostgreSQL deployment's: restored beside the live schema, in the same database.
  const scratchSchema = `tongban_drill_${randomBytes(6).toString('hex')}`;
  const databaseUrl = options.databaseUrl ?? null;
  let schema: string | null = null;
  const checks: BackupCheck[] = [];
  const report = (ok: boolean) => ({ ok, backupDir, checks, scratchDir, scratchSchema: schema });
  const fail = (what: string) => {
    checks.push({ ok: false, what });
    return report(false);
  };
  try {
    let opened;
    try {
      opened = await openBackup(
        keys,
        backupDir,
        {
          dataDir: scratchDir,
          keyDir: path.join(scratchDir, 'keys'),
          databaseUrl,
          schema: scratchSchema,
          anyProvider: true,
        },
        checks,
      );
    } catch (err) {
      return fail((err as Error).message);
    }
    schema = opened.schema;
    checks.push({ ok: true, what: `restored into ${scratchDir}${schema ? ` and schema ${schema}` : ''}` });
    if (opened.read.state === 'legacy') return fail('a backup of the first format has no audit head to check');

    const integrity = await databaseIntegrity(scratchDir, databaseUrl, opened.database, schema);
    if (!integrity.ok) return fail(integrity.what);
    checks.push(integrity);

    const db: Db = schema
      ? await openPostgres(withSchema(databaseUrl!, schema), { max: 2 })
      : await openDatabase(scratchDir);
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
    return report(true);
  } finally {
    if (!options.keep) {
      fs.rmSync(scratchDir, { recursive: true, force: true });
      // Also after a failed restore: psql's transaction left nothing, but a drill never leaves a schema behind.
      if (databaseUrl) await dropSchema(databaseUrl, scratchSchema);
    }
  }
}

/** SQLite's integrity check, or on PostgreSQL every table's rows against the manifest's counts. */
async function databaseIntegrity(
  scratchDir: string,
  databaseUrl: string | null,
  database: BackupDatabase,
  schema: string | null,
): Promise<BackupCheck> {
  if (database.provider === 'sqlite' || !databaseUrl || !schema) {
    const sqlite = new Database(databasePath(scratchDir), { readonly: true });
    const integrity = (sqlite.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
    sqlite.close();
    return integrity === 'ok'
      ? { ok: true, what: 'database integrity check ok' }
      : { ok: false, what: `database integrity check: ${integrity}` };
  }
  const counted = await withPostgres(databaseUrl, (client) => countRows(client, schema));
  const expected = database.rowCounts;
  for (const table of new Set([...Object.keys(expected), ...Object.keys(counted)])) {
    if (counted[table] !== expected[table])
      return {
        ok: false,
        what:
          `table ${table} has ${counted[table] ?? 'no'} rows restored, the manifest recorded ` +
          `${expected[table] ?? 'no such table'}`,
      };
  }
  const rows = Object.values(counted).reduce((sum, n) => sum + n, 0);
  return { ok: true, what: `row counts match the manifest: ${Object.keys(counted).length} tables, ${rows} rows` };
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

export function describeDrill(
  report: DrillReport & { scratchDir: string; scratchSchema: string | null },
  kept: boolean,
): string {
  const lines = [`Restore drill of ${report.backupDir}`];
  for (const c of report.checks) lines.push(`  ${c.ok ? '✓' : '✗'} ${c.what}`);
  if (kept) lines.push(`  (scratch directory kept: ${report.scratchDir})`);
  if (kept && report.scratchSchema) lines.push(`  (scratch schema kept: ${report.scratchSchema})`);
  const failed = report.checks.find((c) => !c.ok);
  lines.push(report.ok ? 'Restore drill PASSED' : `Restore drill FAILED: ${failed?.what ?? 'unknown'}`);
  return `${lines.join('\n')}\n`;
}
