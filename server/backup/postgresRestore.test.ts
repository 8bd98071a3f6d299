// The schema rename between pg_restore's SQL and psql (postgresRestore.ts), the connection handed to the client
// programs (postgresTools.ts), and manifests of both formats (manifest.ts): pure, no database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOf, readManifest, signManifest, writeManifest } from './manifest.ts';
import { renameSchema } from './postgresRestore.ts';
import { libpqEnvironment } from './postgresTools.ts';

async function renamed(sql: string, from: string, to: string, chunk = sql.length): Promise<string> {
  const chunks = (async function* () {
    for (let i = 0; i < sql.length; i += chunk) yield Buffer.from(sql.slice(i, i + chunk));
  })();
  let out = '';
  for await (const text of renameSchema(chunks, from, to)) out += text;
  return out;
}

describe('renameSchema', () => {
  it.each([
    ['a qualified table', 'CREATE TABLE tb_live."User" (\n', 'CREATE TABLE "tb_drill"."User" (\n'],
    ['a quoted schema', 'CREATE TABLE "tb_live"."User" (\n', 'CREATE TABLE "tb_drill"."User" (\n'],
    [
      'a sequence inside a literal',
      `ALTER TABLE ONLY tb_live."A" ALTER COLUMN seq SET DEFAULT nextval('tb_live."A_seq_seq"'::regclass);\n`,
      `ALTER TABLE ONLY "tb_drill"."A" ALTER COLUMN seq SET DEFAULT nextval('"tb_drill"."A_seq_seq"'::regclass);\n`,
    ],
    [
      'a trigger and its function',
      'CREATE TRIGGER t BEFORE UPDATE ON tb_live."A" FOR EACH ROW EXECUTE FUNCTION tb_live.f();\n',
      'CREATE TRIGGER t BEFORE UPDATE ON "tb_drill"."A" FOR EACH ROW EXECUTE FUNCTION "tb_drill".f();\n',
    ],
    [
      'a longer name that only starts like it',
      'CREATE TABLE tb_live_old."A" ();\n',
      'CREATE TABLE tb_live_old."A" ();\n',
    ],
    [
      'pg_catalog',
      "SELECT pg_catalog.set_config('search_path', '', false);\n",
      "SELECT pg_catalog.set_config('search_path', '', false);\n",
    ],
    ['the dump’s own CREATE SCHEMA', 'CREATE SCHEMA tb_live;\n', '\n'],
  ])('renames %s', async (_name, sql, expected) => {
    expect(await renamed(sql, 'tb_live', 'tb_drill')).toBe(`CREATE SCHEMA IF NOT EXISTS "tb_drill";\n${expected}`);
  });

  it('leaves the rows of COPY as they are, across chunk boundaries', async () => {
    const sql =
      'COPY tb_live."Unit" (id, name) FROM stdin;\n' +
      'u1\ttb_live.x 区政府\n' +
      'CREATE SCHEMA tb_live;\n' +
      '\\.\n' +
      'SELECT pg_catalog.setval(\'tb_live."A_seq_seq"\', 2, true);';
    const expected =
      'CREATE SCHEMA IF NOT EXISTS "tb_drill";\n' +
      'COPY "tb_drill"."Unit" (id, name) FROM stdin;\n' +
      'u1\ttb_live.x 区政府\n' +
      'CREATE SCHEMA tb_live;\n' +
      '\\.\n' +
      'SELECT pg_catalog.setval(\'"tb_drill"."A_seq_seq"\', 2, true);\n';
    for (const chunk of [1, 7, 1000]) expect(await renamed(sql, 'tb_live', 'tb_drill', chunk)).toBe(expected);
  });

  it('matches a schema with capitals only quoted, as pg_dump writes it', async () => {
    expect(await renamed('CREATE TABLE "Live"."A" ();\nCREATE TABLE live."A" ();\n', 'Live', 'tb_drill')).toBe(
      'CREATE SCHEMA IF NOT EXISTS "tb_drill";\nCREATE TABLE "tb_drill"."A" ();\nCREATE TABLE live."A" ();\n',
    );
  });
});

describe('libpqEnvironment', () => {
  it('hands the connection to pg_dump in its environment, the password in PGPASSWORD', () => {
    const env = libpqEnvironment(
      'postgresql://tong%40ban:p%40ss%3Aword@db.example:6543/city?schema=tb_x&sslmode=require',
    );
    expect(env).toMatchObject({
      PGHOST: 'db.example',
      PGPORT: '6543',
      PGUSER: 'tong@ban',
      PGPASSWORD: 'p@ss:word',
      PGDATABASE: 'city',
      PGSSLMODE: 'require',
    });
  });
});

describe('manifests', () => {
  const key = Buffer.alloc(32, 7);
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-manifest-'));

  it('still reads a format-2 manifest (SQLite only, before the provider was named)', () => {
    // Written by the format-2 code for this key; a changed byte must still break its signature.
    const v2 = {
      format: 'tongban-backup/2',
      createdAt: '2026-03-08T18:31:00.000Z',
      trigger: 'scheduled',
      auditHead: { seq: 12, hash: 'ab'.repeat(32), at: '2026-03-08T18:31:00.000Z', mac: 'cd'.repeat(32) },
      files: { 'tongban.db.enc': { sha256: '01'.repeat(32), bytes: 4096, plainSha256: '02'.repeat(32) } },
      mac: '200e5c4bff99b1c2964e0d82426060946c17361c438f581efd74edffca64f44a',
    };
    const d = dir();
    fs.writeFileSync(path.join(d, 'manifest.json'), JSON.stringify(v2));
    const read = readManifest(d, key);
    if (read.state !== 'valid') throw new Error(`manifest ${read.state}`);
    expect(databaseOf(read)).toEqual({ provider: 'sqlite', entry: 'tongban.db.enc' });
    fs.writeFileSync(path.join(d, 'manifest.json'), JSON.stringify({ ...v2, trigger: 'manual' }));
    expect(readManifest(d, key).state).toBe('invalid');
    fs.rmSync(d, { recursive: true });
  });

  it('signs a PostgreSQL backup’s row counts', () => {
    const d = dir();
    const database = {
      provider: 'postgresql',
      entry: 'tongban.pgdump.enc',
      schema: 'public',
      serverVersionNum: 150020,
      pgDump: 'pg_dump (PostgreSQL) 15.20',
      rowCounts: { AuditEvent: 12, User: 5 },
    } as const;
    const manifest = signManifest(key, {
      createdAt: '2026-03-08T18:31:00.000Z',
      trigger: 'manual',
      database,
      auditHead: null,
      files: { 'tongban.pgdump.enc': { sha256: '01'.repeat(32), bytes: 4096, plainSha256: '02'.repeat(32) } },
    });
    writeManifest(d, manifest);
    expect(readManifest(d, key)).toMatchObject({ state: 'valid', manifest: { database } });
    writeManifest(d, { ...manifest, database: { ...database, rowCounts: { AuditEvent: 12, User: 6 } } });
    expect(readManifest(d, key).state).toBe('invalid');
    fs.rmSync(d, { recursive: true });
  });
});
