// One schema, two databases: prisma/schema.prisma (SQLite, the default) is the source; the PostgreSQL schema used when
// Tongban is scaled out (prisma/postgres/schema.prisma) is derived from it here and never edited by hand. Its
// migrations (prisma/postgres/migrations) are written beside SQLite's by `npm run db:migration` and checked by
// `npm run db:check` (scripts/checkMigrations.ts).
//
// Prisma's offline wasm engine cannot introspect PostgreSQL (../shared/OFFLINE.md), so a PostgreSQL migration is the
// schema-to-schema diff between the committed derived schema (the state the migrations reach) and the newly derived
// one. Prisma still opens a connection through the driver adapter for that diff: a PostgreSQL server must answer
// (this machine kind runs one on 127.0.0.1:5432); without one the tools say so and write nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const sqliteSchemaPath = path.join(root, 'prisma/schema.prisma');
export const postgresDir = path.join(root, 'prisma/postgres');
export const postgresSchemaPath = path.join(postgresDir, 'schema.prisma');
export const postgresConfigPath = path.join(postgresDir, 'prisma.config.ts');

const HEADER =
  '// GENERATED from prisma/schema.prisma by scripts/postgresSchema.ts for PostgreSQL (scaling out). Do not edit:\n' +
  '// change prisma/schema.prisma and run `npm run db:migration -- <name>`, which rewrites this file.\n';

/** The PostgreSQL schema for a SQLite schema text: same models, PostgreSQL datasource, its own client output. */
export function derivePostgresSchema(sqliteSchema: string): string {
  const datasource = /datasource db \{[^}]*\}/;
  const generatorOutput = /(generator client \{[^}]*?output\s*=\s*)"[^"]*"/;
  if (!datasource.test(sqliteSchema) || !generatorOutput.test(sqliteSchema))
    throw new Error('prisma/schema.prisma: expected a `datasource db` block and a `generator client` with an output');
  const body = sqliteSchema
    .replace(datasource, 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost/tongban"\n}')
    .replace(generatorOutput, '$1"./generated"');
  return HEADER + body.replace(/^\/\/ Tongban data model\.[^\n]*\n/, '');
}

export function derivedPostgresSchema(): string {
  return derivePostgresSchema(fs.readFileSync(sqliteSchemaPath, 'utf8'));
}

/** Where the PostgreSQL tools connect: TONGBAN_TEST_POSTGRES_URL, else the local server's `postgres` database. */
export function postgresToolUrl(): string {
  return process.env.TONGBAN_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

/** The SQL that takes the PostgreSQL schema `from` (a file, or null for empty) to `to`; null when they agree. */
export function postgresDiff(from: string | null, to: string): string | null {
  const sql = execFileSync(
    path.join(root, 'node_modules/.bin/prisma'),
    [
      'migrate',
      'diff',
      '--config',
      postgresConfigPath,
      ...(from === null ? ['--from-empty'] : ['--from-schema-datamodel', from]),
      '--to-schema-datamodel',
      to,
      '--script',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TONGBAN_POSTGRES_TOOL_URL: postgresToolUrl(), TONGBAN_POSTGRES_SCHEMA: to },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return /^-- This is an empty migration\.\s*$/.test(sql.trim()) ? null : sql;
}
