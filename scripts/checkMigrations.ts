// Checks that the committed migrations produce exactly the schema in prisma/schema.prisma (used by `npm test` and CI),
// for SQLite here and for PostgreSQL in scripts/checkPostgresMigrations.ts.
// Prisma's offline engine cannot diff a database behind a driver adapter, so this compares two SQLite databases
// structurally: one built by replaying the migrations, one built from the schema's own "from empty" script.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrateDatabase } from '../server/db/migrate.ts';
import { checkPostgresMigrations } from './checkPostgresMigrations.ts';

type Shape = Record<string, unknown>;

function shapeOf(file: string): Shape {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name",
        )
        .all() as Array<{ name: string }>
    ).map((t) => t.name);
    const shape: Shape = {};
    for (const table of tables) {
      const q = (pragma: string) => db.prepare(`PRAGMA ${pragma}("${table}")`).all();
      const indexes = (q('index_list') as Array<{ name: string; unique: number; origin: string }>)
        .map((i) => ({
          unique: i.unique,
          origin: i.origin,
          columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as Array<{ name: string }>).map((c) => c.name),
        }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      shape[table] = {
        columns: q('table_info'),
        foreignKeys: q('foreign_key_list').map((f) => ({ ...(f as object), id: undefined, seq: undefined })),
        indexes,
      };
    }
    return shape;
  } finally {
    db.close();
  }
}

const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-migrations-'));
try {
  const fromMigrations = path.join(tmp, 'migrated.db');
  migrateDatabase(fromMigrations);
  const script = execFileSync(
    path.join(root, 'node_modules/.bin/prisma'),
    ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TONGBAN_DATA_DIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const fromSchema = path.join(tmp, 'schema.db');
  const db = new Database(fromSchema);
  db.exec(script);
  db.close();
  const a = JSON.stringify(shapeOf(fromMigrations), null, 1);
  const b = JSON.stringify(shapeOf(fromSchema), null, 1);
  if (a !== b) {
    const al = a.split('\n');
    const bl = b.split('\n');
    const at = al.findIndex((line, i) => line !== bl[i]);
    process.stderr.write(
      `Migrations do not match prisma/schema.prisma. First difference near:\n  migrations: ${al.slice(Math.max(0, at - 3), at + 3).join('\n  ')}\n  schema:     ${bl.slice(Math.max(0, at - 3), at + 3).join('\n  ')}\nCreate a migration: npx prisma migrate diff --from-migrations … or see README "Changing the schema".\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`Migrations match the schema (${Object.keys(JSON.parse(a)).length} tables).\n`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (!(await checkPostgresMigrations())) process.exit(1);
