// `npm run audit:verify` on a live database, after an audit row is edited behind the application's back, and on a copy
// whose newest events were deleted (truncation, shown by the head checkpoint kept outside the database).
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function auditVerify(dataDir = t.dataDir): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npm', ['run', '--silent', 'audit:verify'], {
      cwd: root,
      env: { ...process.env, TONGBAN_DATA_DIR: dataDir },
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

/** Runs SQL the way an intruder with shell access would: with the sqlite3 tool when installed. */
function sqlite(sql: string, dataDir = t.dataDir): void {
  const file = path.join(dataDir, 'tongban.db');
  if (hasSqliteCli()) {
    execFileSync('sqlite3', [file, sql], { stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    const db = new Database(file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  }
}

/** A copy of the live data directory (a consistent database snapshot, and the keys with the head checkpoint). */
async function copyOfDataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-audit-copy-'));
  await t.app.svc.auditHead.anchor();
  await t.app.svc.db.$executeRawUnsafe(`VACUUM INTO '${path.join(dir, 'tongban.db').replaceAll("'", "''")}'`);
  fs.cpSync(path.join(t.dataDir, 'keys'), path.join(dir, 'keys'), { recursive: true });
  return dir;
}

describe('audit head checkpoint', () => {
  it('detects the newest events deleted (trigger dropped) on a copy, and passes the untouched copy', async () => {
    const untouched = await copyOfDataDir();
    const truncated = await copyOfDataDir();
    try {
      const events = await t.app.svc.db.auditEvent.count();
      const ok = await auditVerify(untouched);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(
        new RegExp(`Audit chain OK: ${events} events, last hash \\w+; head anchored at #${events}`),
      );

      sqlite(`DROP TRIGGER AuditEvent_no_delete; DELETE FROM AuditEvent WHERE seq > ${events - 3};`, truncated);
      const { at } = JSON.parse(fs.readFileSync(path.join(truncated, 'keys', 'audit-head.json'), 'utf8')) as {
        at: string;
      };
      const broken = await auditVerify(truncated);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`Audit chain TRUNCATED: the head checkpoint (written ${at})`);
      expect(broken.out).toContain(`anchors event #${events}, but the log ends at #${events - 3}`);
      expect(broken.out).toContain(`events #${events - 2} to #${events} were removed`);
    } finally {
      fs.rmSync(untouched, { recursive: true, force: true });
      fs.rmSync(truncated, { recursive: true, force: true });
    }
  });

  it('refuses a chain without a checkpoint, and a checkpoint signed with another key', async () => {
    const dir = await copyOfDataDir();
    try {
      const head = path.join(dir, 'keys', 'audit-head.json');
      const checkpoint = JSON.parse(fs.readFileSync(head, 'utf8')) as { seq: number };
      fs.writeFileSync(head, JSON.stringify({ ...checkpoint, seq: checkpoint.seq - 1 }));
      const forged = await auditVerify(dir);
      expect(forged.code).toBe(1);
      expect(forged.out).toContain(
        'the audit head checkpoint is not valid: its signature does not match the audit key',
      );

      fs.rmSync(head);
      const missing = await auditVerify(dir);
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

    expect(() => sqlite("UPDATE AuditEvent SET actorName = 'nobody' WHERE seq = 7")).toThrow(/append-only/);

    const target = await t.app.svc.db.auditEvent.findUniqueOrThrow({ where: { seq: 7 } });
    sqlite(
      "DROP TRIGGER AuditEvent_no_update; UPDATE AuditEvent SET outcome = 'success', detail = '{}' WHERE seq = 7;",
    );
    const broken = await auditVerify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`event #7 (id ${target.id})`);
    expect(broken.out).toContain('hash mismatch');
  });
});
