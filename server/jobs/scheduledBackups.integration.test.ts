// Scheduled encrypted backups on the application clock (02:30 China time, keep 3), their manifest (file hashes, the
// audit head), the restore drill passing on a sound backup and failing on a damaged one, and a restore that anchors
// the audit head checkpoint at the backup's newest event. One upload is sealed before a key rotation and one after, so
// the backup must carry the keyring for the second to open. With TONGBAN_TEST_DATABASE=postgres the database is the
// test app's schema: pg_dump of it, the drill in a scratch schema checked against the manifest's row counts, a restore
// into an empty schema, and pg_dump refused when it is missing or older than the server.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshTestSchema, TEST_POSTGRES_URL, type TestSchema } from '../../tests/support/postgres.ts';
import { createTestApp, signedIn, TEST_DATABASE, type TestApp } from '../../tests/support/testApp.ts';
import { postgresTarget } from '../db/postgresTarget.ts';
import { readManifest, signManifest, writeManifest } from '../backup/manifest.ts';
import { listBackups } from '../backup/retention.ts';
import { drillBackup } from '../backup/restoreDrill.ts';
import { rotateAtRestKey } from '../commands/security/keyRotator.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const HOUR = 3_600_000;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-backups-'));
const backupDir = path.join(scratch, 'offsite');
const onPostgres = TEST_DATABASE === 'postgres';
/** The sealed database in a backup: the SQLite file, or the PostgreSQL schema's dump. */
const DB_ENTRY = onPostgres ? 'tongban.pgdump.enc' : 'tongban.db.enc';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    clockAt: new Date('2026-03-09T01:00:00+08:00'),
    config: { backupAt: '02:30', backupDir, backupKeep: 3 },
  });
  await signedIn(t, 'zhangwei');
  await upload('%PDF-1.4 a material');
  const ctx = { actor: null, ip: '', userAgent: 'test', at: t.clock.now(), auditKey: t.app.svc.keys.audit };
  await rotateAtRestKey(t.app.svc, ctx);
  await upload('%PDF-1.4 another material, sealed with key version 1');
});

async function upload(text: string): Promise<void> {
  await t.app.svc.files.put(Readable.from([Buffer.from(text)]), {
    maxBytes: 1_000_000,
    headBytes: 0,
    inspect: () => undefined,
  });
}
afterAll(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function cli(
  args: string[],
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
      cwd: root,
      env: { ...t.cliEnv, TONGBAN_DATA_DIR: dataDir, ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const keys = () => t.app.svc.keys;

describe('scheduled backups', () => {
  it('back up at 02:30 China time once a day, catch up a missed day, and keep the newest three', async () => {
    const backups = t.app.jobs.backups;
    expect(await backups.tick()).toEqual({ made: null, pruned: [] });
    t.clock.advance(1.5 * HOUR + 60_000); // 02:31
    const first = await backups.tick();
    expect(first?.made).toMatch(/^tongban-2026-03-08T18-31/);
    expect(await backups.tick()).toEqual({ made: null, pruned: [] });

    const made = [first!.made];
    for (let day = 1; day <= 4; day++) {
      t.clock.advance(24 * HOUR);
      made.push((await backups.tick())!.made);
    }
    // Two days pass while the server is down: one backup catches up, not two.
    t.clock.advance(48 * HOUR);
    made.push((await backups.tick())!.made);
    expect(await backups.tick()).toEqual({ made: null, pruned: [] });

    expect(made.every((m) => m !== null)).toBe(true);
    expect(listBackups(backupDir).map((b) => b.name)).toEqual(made.slice(-3).reverse());
    const audited = await t.app.svc.db.auditEvent.findMany({
      where: { action: 'system.backup' },
      orderBy: { seq: 'asc' },
    });
    expect(audited.map((e) => e.resourceId)).toEqual(made);
    expect(JSON.parse(audited[0]!.detail)).toMatchObject({ trigger: 'scheduled', files: 4 });
  });

  it('seal the database and files, and sign a manifest with their hashes and the audit head', async () => {
    const newest = listBackups(backupDir)[0]!;
    const read = readManifest(newest.dir, keys().audit);
    if (read.state !== 'valid') throw new Error(`manifest ${read.state}`);
    const { manifest } = read;
    expect(Object.keys(manifest.files).sort()).toEqual([
      expect.stringMatching(/^files\/[0-9a-f]{2}\/[0-9a-f]{64}\.enc$/),
      expect.stringMatching(/^files\/[0-9a-f]{2}\/[0-9a-f]{64}\.enc$/),
      'keys/keyring.json.enc',
      DB_ENTRY,
    ]);
    // The head is the newest event in the backed-up database: the backup's own audit event comes after it.
    const event = await t.app.svc.db.auditEvent.findFirstOrThrow({ where: { resourceId: newest.name } });
    const head = await t.app.svc.db.auditEvent.findUniqueOrThrow({ where: { seq: event.seq - 1 } });
    expect(manifest.auditHead).toMatchObject({ seq: head.seq, hash: head.hash });
    const sealed = fs.readFileSync(path.join(newest.dir, DB_ENTRY));
    expect(sealed.includes(Buffer.from('zhangwei'))).toBe(false);
    expect(sealed.includes(Buffer.from(onPostgres ? 'PGDMP' : 'SQLite format 3'))).toBe(false);
    if (manifest.database.provider === 'postgresql') {
      // The test app's own schema, counted at the dump's instant: every audit event up to the head, and the collab
      // update log's tables, which live in that schema too.
      expect(manifest.database.schema).toBe(postgresTarget(t.databaseUrl!).schema);
      const users = await t.app.svc.db.user.count();
      expect(manifest.database.rowCounts).toMatchObject({ AuditEvent: head.seq, DocumentUpdate: 0, User: users });
    } else expect(manifest.database).toEqual({ provider: 'sqlite', entry: 'tongban.db.enc' });
  });
});

describe('the restore drill', () => {
  it('passes on a sound backup (npm run cli -- backup-drill DIR)', async () => {
    const newest = listBackups(backupDir)[0]!;
    const drill = await cli(['backup-drill', newest.dir], t.dataDir);
    expect(drill.out).toContain('✓ manifest signed with the audit key');
    expect(drill.out).toContain('✓ 4 sealed files match their SHA-256 in the manifest');
    expect(drill.out).toContain('✓ 2 uploaded file(s) open with the keyring and match their address');
    expect(drill.out).toMatch(
      onPostgres ? /✓ row counts match the manifest: \d+ tables, \d+ rows/ : /✓ database integrity check ok/,
    );
    expect(drill.out).toMatch(/✓ audit chain verifies: \d+ events/);
    expect(drill.out).toMatch(/✓ audit chain ends at the manifest's head: event #\d+/);
    expect(drill.out).toContain('Restore drill PASSED');
    expect(drill.code).toBe(0);
    if (onPostgres) {
      const scratch = /✓ restored into \S+ and schema (tongban_drill_[0-9a-f]+)/.exec(drill.out)?.[1];
      expect(scratch).toBeDefined();
      expect(await schemaExists(scratch!)).toBe(false);
    }
  }, 60_000);

  it.skipIf(!onPostgres)(
    'fails on PostgreSQL when a table restores other rows than the manifest counted',
    async () => {
      const copy = path.join(scratch, `recounted-${Math.random().toString(36).slice(2)}`);
      fs.cpSync(listBackups(backupDir)[0]!.dir, copy, { recursive: true });
      const read = readManifest(copy, keys().audit);
      if (read.state !== 'valid' || read.manifest.database.provider !== 'postgresql') throw new Error('manifest');
      // Signed with the audit key: only the count disagrees with what restores.
      const { createdAt, trigger, auditHead, files, database } = read.manifest;
      const users = database.rowCounts.User!;
      const recounted = { ...database, rowCounts: { ...database.rowCounts, User: users + 1 } };
      writeManifest(copy, signManifest(keys().audit, { createdAt, trigger, auditHead, files, database: recounted }));
      const report = await drillBackup(keys(), copy, { databaseUrl: t.databaseUrl });
      expect(report.checks.at(-1)).toEqual({
        ok: false,
        what: `table User has ${users} rows restored, the manifest recorded ${users + 1}`,
      });
      expect(report.ok).toBe(false);
      expect(await schemaExists(report.scratchSchema!)).toBe(false);
    },
    60_000,
  );

  it.each([
    [
      'a sealed file changed',
      (dir: string) => flipByte(path.join(dir, DB_ENTRY)),
      `${DB_ENTRY} does not match its SHA-256`,
    ],
    [
      'the manifest’s head moved back',
      (dir: string) => {
        const file = path.join(dir, 'manifest.json');
        const m = JSON.parse(fs.readFileSync(file, 'utf8')) as { auditHead: { seq: number } };
        m.auditHead.seq -= 1;
        fs.writeFileSync(file, JSON.stringify(m));
      },
      'the manifest is not valid: its signature does not match the audit key',
    ],
  ])('fails when %s', async (_name, damage, message) => {
    const copy = path.join(scratch, `damaged-${Math.random().toString(36).slice(2)}`);
    fs.cpSync(listBackups(backupDir)[0]!.dir, copy, { recursive: true });
    damage(copy);
    const report = await drillBackup(keys(), copy, { databaseUrl: t.databaseUrl });
    expect(report.ok).toBe(false);
    expect(report.checks.at(-1)).toEqual({ ok: false, what: expect.stringContaining(message) });
    expect(fs.existsSync(report.scratchDir)).toBe(false);
  });
});

describe('restore', () => {
  it('restores into an empty data directory, anchors the head at the backup, and audit:verify passes there', async () => {
    const restored = path.join(scratch, 'restored');
    fs.mkdirSync(restored);
    const newest = listBackups(backupDir)[0]!;
    // On PostgreSQL, an empty schema of its own: the test app's schema, in use, is refused below.
    const target: TestSchema | null = onPostgres ? await freshTestSchema() : null;
    const env = target ? { TONGBAN_DATABASE_URL: target.url } : {};
    try {
      const refused = await cli(['restore', '--from', newest.dir], restored, env);
      expect(refused.code).toBe(2);
      expect(refused.out).toContain('No master key in');

      // The keys, without the keyring: the backup brings the key versions its content was sealed with.
      fs.mkdirSync(path.join(restored, 'keys'));
      for (const f of ['master.key', 'audit.key', 'audit-head.json'])
        fs.copyFileSync(path.join(t.dataDir, 'keys', f), path.join(restored, 'keys', f));
      if (target) {
        const inUse = await cli(['restore', '--from', newest.dir], restored, { TONGBAN_DATABASE_URL: t.databaseUrl! });
        expect(inUse.out).toMatch(/Restore refused: 模式 \S+ 中已有数据.*schema \S+ already holds tables/);
        expect(inUse.out).toContain('RENAME TO');
        expect(inUse.code).toBe(2);
        expect(fs.readdirSync(restored)).toEqual(['keys']);
      }
      const res = await cli(['restore', '--from', newest.dir], restored, env);
      expect(res.out).toContain(
        target
          ? `Restored into ${restored} and schema ${target.schema}: the database and 2 uploaded file(s).`
          : `Restored into ${restored}: the database and 2 uploaded file(s).`,
      );
      expect(res.out).toContain(`The backup's keyring (key versions for encryption at rest) is in place.`);
      const manifest = readManifest(newest.dir, keys().audit);
      if (manifest.state !== 'valid') throw new Error('manifest');
      const head = manifest.manifest.auditHead!;
      expect(res.out).toContain(`Audit head checkpoint now anchors event #${head.seq}`);
      // The live checkpoint copied with the keys knew of later events (at least the backup's own audit event).
      expect(res.out).toMatch(new RegExp(`event\\(s\\) after #${head.seq} were recorded after this backup`));
      expect(res.code).toBe(0);
      const verify = await cli(['audit-verify'], restored, env);
      expect(verify.out).toContain(`Audit chain OK: ${head.seq} events`);
      expect(verify.code).toBe(0);
      if (target) {
        const users = await target.pool.query<{ username: string }>('SELECT username FROM "User" ORDER BY username');
        expect(users.rows.map((r) => r.username)).toContain('zhangwei');
      }
    } finally {
      await target?.drop();
    }
  }, 120_000);

  it.skipIf(!onPostgres)(
    'restores only the database into a named schema beside the live one (--schema)',
    async () => {
      const newest = listBackups(backupDir)[0]!;
      const name = `tb_restored_${process.pid}`;
      try {
        const res = await cli(['restore', '--from', newest.dir, '--schema', name], t.dataDir);
        expect(res.out).toContain(
          `Restored the database into schema ${name} (uploads, keys and the head checkpoint untouched).`,
        );
        expect(res.code).toBe(0);
        const live = await t.app.svc.db.user.count();
        const { rows } = await query(`SELECT count(*)::int AS n FROM "${name}"."User"`);
        expect(rows[0]).toEqual({ n: live });
      } finally {
        await query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      }
    },
    60_000,
  );
});

describe.skipIf(!onPostgres)('pg_dump on PostgreSQL', () => {
  it.each([
    ['missing', null, /找不到 pg_dump \/ pg_dump was not found/],
    ['older than the server', 'pg_dump (PostgreSQL) 9.6.24', /pg_dump 的版本（pg_dump \(PostgreSQL\) 9\.6\.24）低于/],
  ])(
    'refuses a backup when pg_dump is %s, naming the apt-get command, and writes nothing',
    async (_n, version, said) => {
      const bin = fs.mkdtempSync(path.join(scratch, 'bin-'));
      if (version) fs.writeFileSync(path.join(bin, 'pg_dump'), `#!/bin/sh\necho '${version}'\n`, { mode: 0o755 });
      const out = path.join(scratch, `refused-${Math.random().toString(36).slice(2)}`);
      const res = await cli(['backup', '--out', out], t.dataDir, { PATH: bin });
      expect(res.out).toMatch(said);
      const major = Math.floor(Number((await query('SHOW server_version_num')).rows[0]!.server_version_num) / 10_000);
      expect(res.out).toContain(`sudo apt-get install -y postgresql-client-${major}`);
      expect(res.code).toBe(2);
      expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    },
    60_000,
  );
});

/** A statement on the test app's database (outside its schema). */
async function query(sql: string): Promise<{ rows: Record<string, unknown>[] }> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL! });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function schemaExists(name: string): Promise<boolean> {
  const { rows } = await query(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = '${name}'`);
  return rows[0]!.n === 1;
}

function flipByte(file: string): void {
  const bytes = fs.readFileSync(file);
  bytes[bytes.length - 40] ^= 0xff;
  fs.writeFileSync(file, bytes);
}
