// `npm run audit:verify` on a live database, and after an audit row is edited behind the application's back.
import { execFile, execFileSync } from 'node:child_process';
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

async function auditVerify(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npm', ['run', '--silent', 'audit:verify'], {
      cwd: root,
      env: { ...process.env, TONGBAN_DATA_DIR: t.dataDir },
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
function sqlite(sql: string): void {
  const file = path.join(t.dataDir, 'tongban.db');
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
