// The operator CLI against a real data directory: units, users, second-factor reset, backup and restore. With
// TONGBAN_TEST_DATABASE=postgres each data directory has a PostgreSQL schema of its own (TONGBAN_DATABASE_URL).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTestSchema, type TestSchema } from '../support/postgres.ts';
import { TEST_DATABASE } from '../support/testApp.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-cli-'));
const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-restored-'));
const rolesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-cli-roles-'));
/** Data directory → its PostgreSQL schema (none on SQLite). */
const schemas = new Map<string, TestSchema>();
beforeAll(async () => {
  if (TEST_DATABASE === 'postgres')
    for (const dir of [dataDir, restoredDir, rolesDir]) schemas.set(dir, await freshTestSchema());
});
afterAll(async () => {
  for (const dir of [dataDir, restoredDir, rolesDir]) fs.rmSync(dir, { recursive: true, force: true });
  for (const schema of schemas.values()) await schema.drop();
});

/** One row of a data directory's database, read directly (SQLite's file, or its PostgreSQL schema). */
async function row(dir: string, sql: { sqlite: string; postgres: string }, value: string): Promise<unknown> {
  const schema = schemas.get(dir);
  if (schema) return (await schema.pool.query(sql.postgres, [value])).rows[0];
  const db = new Database(path.join(dir, 'tongban.db'), { readonly: true });
  try {
    return db.prepare(sql.sqlite).get(value);
  } finally {
    db.close();
  }
}

async function cli(args: string[], dir = dataDir): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
      cwd: root,
      env: {
        ...process.env,
        TONGBAN_DATA_DIR: dir,
        ...(schemas.has(dir) ? { TONGBAN_DATABASE_URL: schemas.get(dir)!.url } : {}),
      },
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
    const sealed = fs.readFileSync(
      path.join(dir, TEST_DATABASE === 'postgres' ? 'tongban.pgdump.enc' : 'tongban.db.enc'),
    );
    expect(sealed.includes(Buffer.from('wangfang'))).toBe(false); // encrypted, not a plain copy or dump
    fs.cpSync(path.join(dataDir, 'keys'), path.join(restoredDir, 'keys'), { recursive: true });
    expect((await cli(['restore', '--from', dir], restoredDir)).code).toBe(0);
    const restoredUser = {
      sqlite: 'SELECT displayName, clearance FROM User WHERE username = ?',
      postgres: 'SELECT "displayName", clearance FROM "User" WHERE username = $1',
    };
    expect(await row(restoredDir, restoredUser, 'wangfang')).toEqual({
      displayName: '王芳',
      clearance: 2,
    });
    expect((await cli(['audit-verify'], restoredDir)).out).toMatch(/Audit chain OK/);
  }, 240_000);

  it('changes an administrator’s roles, which no administrator may do, keeping the last holder of a duty', async () => {
    const dir = rolesDir;
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
    const adminRole = {
      sqlite: 'SELECT adminRole FROM User WHERE username = ?',
      postgres: 'SELECT "adminRole" FROM "User" WHERE username = $1',
    };
    expect(await row(dir, adminRole, 'shenji1')).toEqual({ adminRole: null });
    const actor = {
      sqlite: "SELECT actorName FROM AuditEvent WHERE action = ? AND outcome = 'success'",
      postgres: `SELECT "actorName" FROM "AuditEvent" WHERE action = $1 AND outcome = 'success'`,
    };
    expect(await row(dir, actor, 'user.assign_roles')).toEqual({ actorName: expect.stringMatching(/^cli:/) });
  }, 120_000);
});
