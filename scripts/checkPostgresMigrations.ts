// The PostgreSQL half of `npm run db:check` (scripts/checkMigrations.ts):
//  1. prisma/postgres/schema.prisma is exactly what scripts/postgresSchema.ts derives from prisma/schema.prisma
//     (offline: a schema change without `npm run db:migration` fails here);
//  2. with a PostgreSQL server (TONGBAN_TEST_POSTGRES_URL, else the local one on 127.0.0.1:5432 if it answers), the
//     committed PostgreSQL migrations, replayed by the runner the server uses (server/db/migratePostgres.ts) into one
//     scratch database, give the same tables, columns, keys and indexes as the derived schema's "from empty" script
//     in another. Without a server, step 2 is reported as not run, with the reason.
import fs from 'node:fs';
import pg from 'pg';
import { migratePostgres } from '../server/db/migratePostgres.ts';
import { derivedPostgresSchema, postgresDiff, postgresSchemaPath, postgresToolUrl } from './postgresSchema.ts';

type Shape = Record<string, unknown>;

async function shapeOf(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async (sql: string) => (await client.query(sql)).rows as Array<Record<string, unknown>>;
    const columns = await rows(`SELECT table_name, column_name, data_type, is_nullable, column_default,
        character_maximum_length, numeric_precision, datetime_precision
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`);
    const indexes = await rows(`SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`);
    const constraints = await rows(`SELECT t.relname AS table_name, c.conname, c.contype,
        pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      ORDER BY 1, 2`);
    return { columns, indexes, constraints };
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  const at = al.findIndex((line, i) => line !== bl[i]);
  return `  migrations: ${al.slice(Math.max(0, at - 3), at + 3).join('\n  ')}\n  schema:     ${bl.slice(Math.max(0, at - 3), at + 3).join('\n  ')}`;
}

/** Returns false (after printing why) when the PostgreSQL schema or migrations are out of step. */
export async function checkPostgresMigrations(): Promise<boolean> {
  const derived = derivedPostgresSchema();
  if (!fs.existsSync(postgresSchemaPath) || fs.readFileSync(postgresSchemaPath, 'utf8') !== derived) {
    process.stderr.write(
      'prisma/postgres/schema.prisma is not what prisma/schema.prisma derives: run `npm run db:migration -- <name>`, ' +
        'which writes the PostgreSQL migration and the derived schema beside the SQLite one.\n',
    );
    return false;
  }
  const url = postgresToolUrl();
  if (!process.env.TONGBAN_TEST_POSTGRES_URL && !(await reachable(url))) {
    process.stdout.write(
      `PostgreSQL schema derived from prisma/schema.prisma; migrations not replayed: no PostgreSQL at ${url} ` +
        '(set TONGBAN_TEST_POSTGRES_URL).\n',
    );
    return true;
  }
  const stamp = `${Date.now().toString(36)}_${process.pid}`;
  const migrated = `tongban_check_${stamp}_m`;
  const fromSchema = `tongban_check_${stamp}_s`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${migrated}`);
    await admin.query(`CREATE DATABASE ${fromSchema}`);
    const result = await migratePostgres(withDatabase(url, migrated));
    const script = postgresDiff(null, postgresSchemaPath);
    const direct = new pg.Client({ connectionString: withDatabase(url, fromSchema) });
    await direct.connect();
    try {
      if (script !== null) await direct.query(script);
    } finally {
      await direct.end();
    }
    const a = JSON.stringify(await shapeOf(withDatabase(url, migrated)), null, 1);
    const b = JSON.stringify(await shapeOf(withDatabase(url, fromSchema)), null, 1);
    if (a !== b) {
      process.stderr.write(
        `PostgreSQL migrations do not match prisma/postgres/schema.prisma. First difference near:\n${firstDifference(a, b)}\n`,
      );
      return false;
    }
    const tables = new Set(
      (JSON.parse(a) as { columns: Array<{ table_name: string }> }).columns.map((c) => c.table_name),
    );
    process.stdout.write(
      `PostgreSQL migrations (${result.applied.length}) match the derived schema (${tables.size} tables).\n`,
    );
    return true;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${migrated} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${fromSchema} WITH (FORCE)`);
    await admin.end();
  }
}
