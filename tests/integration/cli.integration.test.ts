// The operator CLI against a real data directory: units, users, second-factor reset, backup and restore.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-cli-'));
const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-restored-'));
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(restoredDir, { recursive: true, force: true });
});

async function cli(args: string[], dir = dataDir): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, TONGBAN_DATA_DIR: dir },
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('npm run cli', () => {
  it('creates units and users, resets MFA, backs up and restores', async () => {
    expect((await cli(['create-unit', '--name', '区人民政府', '--short', '区政府'])).code).toBe(0);
    expect((await cli(['create-unit', '--name', '区财政局', '--parent', '区政府'])).code).toBe(0);
    const user = await cli([
      'create-user',
      '--username',
      'wangfang',
      '--name',
      '王芳',
      '--unit',
      '区财政局',
      '--roles',
      'staff,clerk',
      '--clearance',
      'secret',
    ]);
    expect(user.code).toBe(0);
    expect(user.out).toMatch(/One-time password \(must be changed at first sign-in\): \S{12,}/);
    const bad = await cli([
      'create-user',
      '--username',
      'x1',
      '--name',
      'X',
      '--unit',
      '区财政局',
      '--roles',
      'system_admin,audit_admin',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('admin_roles_exclusive');
    expect((await cli(['reset-mfa', '--username', 'wangfang'])).code).toBe(0);
    expect((await cli(['audit-verify'])).out).toMatch(/Audit chain OK: \d+ events/);

    const backup = await cli(['backup', '--out', path.join(dataDir, 'bk')]);
    expect(backup.code).toBe(0);
    const dir = /Backup written to (\S+)/.exec(backup.out)![1]!;
    const sealed = fs.readFileSync(path.join(dir, 'tongban.db.enc'));
    expect(sealed.includes(Buffer.from('wangfang'))).toBe(false); // encrypted, not a plain SQLite copy
    fs.cpSync(path.join(dataDir, 'keys'), path.join(restoredDir, 'keys'), { recursive: true });
    expect((await cli(['restore', '--from', dir], restoredDir)).code).toBe(0);
    const db = new Database(path.join(restoredDir, 'tongban.db'), { readonly: true });
    const row = db.prepare('SELECT displayName, clearance FROM User WHERE username = ?').get('wangfang') as {
      displayName: string;
      clearance: number;
    };
    db.close();
    expect(row).toEqual({ displayName: '王芳', clearance: 2 });
    expect((await cli(['audit-verify'], restoredDir)).out).toMatch(/Audit chain OK/);
  }, 240_000);

  it('changes an administrator’s roles, which no administrator may do, keeping the last holder of a duty', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-cli-roles-'));
    try {
      expect((await cli(['create-unit', '--name', '区政府办'], dir)).code).toBe(0);
      const auditor = (username: string) =>
        cli(
          ['create-user', '--username', username, '--name', '审计员', '--unit', '区政府办', '--roles', 'audit_admin'],
          dir,
        );
      expect((await auditor('shenji1')).code).toBe(0);
      const last = await cli(['set-roles', '--username', 'shenji1', '--roles', 'staff'], dir);
      expect(last.code).toBe(2);
      expect(last.out).toContain('last_admin');
      expect((await auditor('shenji2')).code).toBe(0);
      const moved = await cli(['set-roles', '--username', 'shenji1', '--roles', 'staff,clerk'], dir);
      expect(moved.code).toBe(0);
      const db = new Database(path.join(dir, 'tongban.db'), { readonly: true });
      const row = db.prepare('SELECT adminRole FROM User WHERE username = ?').get('shenji1') as { adminRole: null };
      const event = db
        .prepare("SELECT actorName FROM AuditEvent WHERE action = 'user.assign_roles' AND outcome = 'success'")
        .get() as { actorName: string };
      db.close();
      expect(row.adminRole).toBeNull();
      expect(event.actorName).toMatch(/^cli:/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
