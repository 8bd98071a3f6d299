// The PostgreSQL migration runner (issue #20) against a real PostgreSQL (TONGBAN_TEST_POSTGRES_URL; skipped, with the
// reason in the test name, without it): the committed migrations build every table once, instances starting together
// apply each migration exactly once, a changed migration is refused, and a failing one leaves nothing half-applied.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SKIPPED, TEST_POSTGRES_URL } from '../../tests/support/postgres.ts';
import { migrationNames } from './migrate.ts';
import { migratePostgres, postgresMigrationsDir } from './migratePostgres.ts';

const created: string[] = [];
let admin: pg.Client;

async function freshDatabase(): Promise<string> {
  const name = `tongban_migrate_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  created.push(name);
  const url = new URL(TEST_POSTGRES_URL ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!TEST_POSTGRES_URL)(`PostgreSQL migrations${TEST_POSTGRES_URL ? '' : ` (${POSTGRES_SKIPPED})`}`, () => {
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_POSTGRES_URL ?? '' });
    await admin.connect();
  });
  afterAll(async () => {
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('three instances starting at once apply each migration exactly once and all start', async () => {
    const url = await freshDatabase();
    const results = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    const names = migrationNames(postgresMigrationsDir);
    expect(names.length).toBeGreaterThan(0);
    // Each migration applied by one runner; the others found it applied.
    for (const name of names) expect(results.filter((r) => r.applied.includes(name))).toHaveLength(1);
    for (const r of results) expect(r.applied.length + r.alreadyApplied).toBe(names.length);
    const rows = await query<{ migration_name: string }>(
      url,
      'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    const tables = await query<{ n: string }>(
      url,
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
    );
    expect(Number(tables[0]?.n)).toBeGreaterThan(60);
    // Started again: nothing to do.
    expect(await migratePostgres(url)).toEqual({ applied: [], alreadyApplied: names.length });
  });

  it('refuses a migration changed after it was applied, and rolls back one that fails', async () => {
    const url = await freshDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-pg-migrations-'));
    try {
      const write = (name: string, sql: string) => {
        fs.mkdirSync(path.join(dir, name), { recursive: true });
        fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
      };
      write('1_first', 'CREATE TABLE "A" ("id" TEXT PRIMARY KEY);');
      expect((await migratePostgres(url, dir)).applied).toEqual(['1_first']);

      write('1_first', 'CREATE TABLE "A" ("id" TEXT PRIMARY KEY, "x" INTEGER);');
      await expect(migratePostgres(url, dir)).rejects.toThrow(/1_first was changed after it was applied/);

      write('1_first', 'CREATE TABLE "A" ("id" TEXT PRIMARY KEY);');
      // The second statement fails: the first must not stay behind, nor the migration be recorded.
      write('2_broken', 'CREATE TABLE "B" ("id" TEXT PRIMARY KEY);\nINSERT INTO "Nowhere" VALUES (1);');
      await expect(migratePostgres(url, dir)).rejects.toThrow(/Nowhere/);
      const b = await query<{ n: string }>(
        url,
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'B'",
      );
      expect(Number(b[0]?.n)).toBe(0);
      const recorded = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM _prisma_migrations');
      expect(recorded.map((r) => r.migration_name)).toEqual(['1_first']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
