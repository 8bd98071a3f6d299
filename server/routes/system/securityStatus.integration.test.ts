// GET /api/system/security-status: the security and audit administrators see where the keys, the audit head
// checkpoint and the backups sit (the warnings the start logs), the head's state and the backups; nobody else does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, signedInWithMfa, type TestApp } from '../../../tests/support/testApp.ts';

let t: TestApp;
let elsewhere: string | null = null;
afterEach(async () => {
  await t.close();
  if (elsewhere) fs.rmSync(elsewhere, { recursive: true, force: true });
  elsewhere = null;
});

describe('the security status', () => {
  it('warns while keys, checkpoint and backups sit with the database, for the security and audit administrators only', async () => {
    t = await createTestApp({ clockAt: new Date('2026-03-09T09:00:00+08:00') });
    for (const name of ['zhangwei', 'sysadmin']) {
      const other = name === 'zhangwei' ? await signedIn(t, name) : await signedInWithMfa(t, name);
      expect((await other.get('/api/system/security-status')).statusCode).toBe(403);
    }
    const sec = await signedInWithMfa(t, 'secadmin');
    const res = await sec.get('/api/system/security-status');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { warnings: Array<{ code: string }>; auditHead: { status: string; seq: number } };
    expect(body.warnings.map((w) => w.code)).toEqual([
      'keys_beside_database',
      'audit_head_beside_database',
      'backups_off',
    ]);
    const newest = await t.app.svc.db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    expect(body.auditHead).toMatchObject({ status: 'anchored' });
    expect(body.auditHead.seq).toBeGreaterThanOrEqual(newest.seq - 1);
    const audit = await signedInWithMfa(t, 'auditadmin');
    expect((await audit.get('/api/system/security-status')).statusCode).toBe(200);
  });

  it('has nothing to warn about with keys and backups on other volumes', async () => {
    elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-elsewhere-'));
    t = await createTestApp({
      config: {
        keyDir: path.join(elsewhere, 'keys'),
        auditHeadFile: path.join(elsewhere, 'keys', 'audit-head.json'),
        backupAt: '02:30',
        backupDir: path.join(elsewhere, 'backups'),
      },
    });
    const sec = await signedInWithMfa(t, 'secadmin');
    const body = (await sec.get('/api/system/security-status')).json() as {
      warnings: unknown[];
      backups: { at: string; count: number };
    };
    expect(body.warnings).toEqual([]);
    expect(body.backups).toMatchObject({ at: '02:30', keep: 7, count: 0, newestAt: null });
    expect(fs.existsSync(path.join(elsewhere, 'keys', 'master.key'))).toBe(true);
    expect(fs.existsSync(path.join(t.dataDir, 'keys'))).toBe(false);
  });
});
