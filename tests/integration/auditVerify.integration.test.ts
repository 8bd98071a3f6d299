// `npm run audit:verify` on a live database, after an audit row is edited behind the application's back, and after the
// newest events were deleted (truncation, shown by the head checkpoint kept outside the database). On SQLite and, in
// the PostgreSQL pass (TONGBAN_TEST_DATABASE=postgres), on PostgreSQL: the intruder then works with psql.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTarget } from '../../server/db/postgresTarget.ts';
import { createTestApp, TestClient, type TestApp } from '../support/testApp.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const c = new TestClient(t.app);
  await c.signIn('zhangwei');
  await c.signIn('zhangwei', 'Wrong#Password1');
});
afterAll(async () => t.close());

/** `npm run audit:verify` on an app's stores, or on a copy of its data directory (keys, and on SQLite the database). */
async function auditVerify(app: TestApp = t, dataDir = app.dataDir): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npm', ['run', '--silent', 'audit:verify'], {
      cwd: root,
      env: { ...app.cliEnv, TONGBAN_DATA_DIR: dataDir },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

function hasSqliteCli(): boolean {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs SQL on an app's database the way an intruder with shell access would: with psql on PostgreSQL (in the app's
 * schema), with the sqlite3 tool on SQLite when installed. The statement is given in each dialect.
 */
function intrude(app: TestApp, sql: { sqlite: string; postgres: string }): void {
  if (app.databaseUrl) {
    const { connectionString, schema } = postgresTarget(app.databaseUrl);
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', connectionString, '-c', sql.postgres], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` },
    });
    return;
  }
  const file = path.join(app.dataDir, 'tongban.db');
  if (hasSqliteCli()) {
    execFileSync('sqlite3', [file, sql.sqlite], { stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    const db = new Database(file);
    try {
      db.exec(sql.sqlite);
    } finally {
      db.close();
    }
  }
}

/**
 * A copy of the live data directory: the keys with the head checkpoint and, on SQLite, a consistent snapshot of the
 * database (on PostgreSQL the copy reads the app's own schema, which the tests using it leave untouched).
 */
async function copyOfDataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-audit-copy-'));
  await t.app.svc.auditHead.anchor();
  if (!t.databaseUrl)
    await t.app.svc.db.$executeRawUnsafe(`VACUUM INTO '${path.join(dir, 'tongban.db').replaceAll("'", "''")}'`);
  fs.cpSync(path.join(t.dataDir, 'keys'), path.join(dir, 'keys'), { recursive: true });
  return dir;
}

describe('audit head checkpoint', () => {
  it('detects the newest events deleted (trigger dropped), and passes the untouched chain', async () => {
    // An installation of its own: the events are deleted from its database, not from the one the other tests use.
    const victim = await createTestApp();
    try {
      const c = new TestClient(victim.app);
      await c.signIn('zhangwei');
      await c.signIn('zhangwei', 'Wrong#Password1');
      await victim.app.svc.auditHead.anchor();
      const events = await victim.app.svc.db.auditEvent.count();
      const ok = await auditVerify(victim);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(
        new RegExp(`Audit chain OK: ${events} events, last hash \\w+; head anchored at #${events}`),
      );

      intrude(victim, {
        sqlite: `DROP TRIGGER AuditEvent_no_delete; DELETE FROM AuditEvent WHERE seq > ${events - 3};`,
        postgres: `DROP TRIGGER "AuditEvent_no_delete" ON "AuditEvent"; DELETE FROM "AuditEvent" WHERE seq > ${events - 3};`,
      });
      const { at } = JSON.parse(fs.readFileSync(path.join(victim.dataDir, 'keys', 'audit-head.json'), 'utf8')) as {
        at: string;
      };
      const broken = await auditVerify(victim);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`Audit chain TRUNCATED: the head checkpoint (written ${at})`);
      expect(broken.out).toContain(`anchors event #${events}, but the log ends at #${events - 3}`);
      expect(broken.out).toContain(`events #${events - 2} to #${events} were removed`);
    } finally {
      await victim.close();
    }
  });

  it('refuses a chain without a checkpoint, and a checkpoint signed with another key', async () => {
    const dir = await copyOfDataDir();
    try {
      const head = path.join(dir, 'keys', 'audit-head.json');
      const checkpoint = JSON.parse(fs.readFileSync(head, 'utf8')) as { seq: number };
      fs.writeFileSync(head, JSON.stringify({ ...checkpoint, seq: checkpoint.seq - 1 }));
      const forged = await auditVerify(t, dir);
      expect(forged.code).toBe(1);
      expect(forged.out).toContain(
        'the audit head checkpoint is not valid: its signature does not match the audit key',
      );

      fs.rmSync(head);
      const missing = await auditVerify(t, dir);
      expect(missing.code).toBe(1);
      expect(missing.out).toContain('there is no audit head checkpoint');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('audit chain verification', () => {
  it('passes on the live database, refuses plain edits, and names the event edited behind its back', async () => {
    const events = await t.app.svc.db.auditEvent.count();
    expect(events).toBeGreaterThan(20);

    const ok = await auditVerify();
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(new RegExp(`Audit chain OK: ${events} events`));

    expect(() =>
      intrude(t, {
        sqlite: "UPDATE AuditEvent SET actorName = 'nobody' WHERE seq = 7",
        postgres: `UPDATE "AuditEvent" SET "actorName" = 'nobody' WHERE seq = 7`,
      }),
    ).toThrow(/append-only/);

    const target = await t.app.svc.db.auditEvent.findUniqueOrThrow({ where: { seq: 7 } });
    intrude(t, {
      sqlite:
        "DROP TRIGGER AuditEvent_no_update; UPDATE AuditEvent SET outcome = 'success', detail = '{}' WHERE seq = 7;",
      postgres: `DROP TRIGGER "AuditEvent_no_update" ON "AuditEvent";
        UPDATE "AuditEvent" SET outcome = 'success', detail = '{}' WHERE seq = 7;`,
    });
    const broken = await auditVerify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`event #7 (id ${target.id})`);
    expect(broken.out).toContain('hash mismatch');
  });
});
