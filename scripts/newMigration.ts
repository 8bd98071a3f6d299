// `npm run db:migration -- <name>`: writes a new migration with the SQL that takes the committed migrations to the
// current prisma/schema.prisma — for SQLite (prisma/migrations, diffed on a shadow database, offline) and for
// PostgreSQL (prisma/postgres/migrations, the schema-to-schema diff of the derived schema, scripts/postgresSchema.ts),
// under the same name. Both are computed before anything is written: without a PostgreSQL server to diff through,
// nothing is written and the message says what to start.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { derivedPostgresSchema, postgresDiff, postgresSchemaPath, postgresToolUrl, root } from './postgresSchema.ts';
import { postgresMigrationsDir } from '../server/db/migratePostgres.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write('Usage: npm run db:migration -- <name_in_snake_case>\n');
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-shadow-'));
try {
  const sqlite = execFileSync(
    path.join(root, 'node_modules/.bin/prisma'),
    [
      'migrate',
      'diff',
      '--from-migrations',
      'prisma/migrations',
      '--to-schema-datamodel',
      'prisma/schema.prisma',
      '--script',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TONGBAN_DATA_DIR: tmp },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const sqliteSql = /^-- This is an empty migration\.\s*$/.test(sqlite.trim()) ? null : sqlite;

  const derived = derivedPostgresSchema();
  const derivedFile = path.join(tmp, 'postgres.prisma');
  fs.writeFileSync(derivedFile, derived);
  let postgresSql: string | null;
  try {
    postgresSql = postgresDiff(fs.existsSync(postgresSchemaPath) ? postgresSchemaPath : null, derivedFile);
  } catch (err) {
    const detail = (err as { stderr?: string }).stderr?.trim() ?? String(err);
    process.stderr.write(
      `The PostgreSQL migration needs a PostgreSQL server to diff through (${postgresToolUrl()}; set ` +
        `TONGBAN_TEST_POSTGRES_URL for another). Nothing was written.\n` +
        `PostgreSQL 迁移需要可连接的 PostgreSQL 服务器，未写入任何文件。\n${detail}\n`,
    );
    process.exit(1);
  }

  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const written: string[] = [];
  const write = (dir: string, sql: string) => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
    written.push(`${path.relative(root, dir)}/migration.sql`);
  };
  if (sqliteSql !== null) write(path.join(root, 'prisma/migrations', `${stamp}_${name}`), sqliteSql);
  if (postgresSql !== null) write(path.join(postgresMigrationsDir, `${stamp}_${name}`), postgresSql);
  const schemaChanged = !fs.existsSync(postgresSchemaPath) || fs.readFileSync(postgresSchemaPath, 'utf8') !== derived;
  if (schemaChanged) {
    fs.writeFileSync(postgresSchemaPath, derived);
    written.push(path.relative(root, postgresSchemaPath));
  }
  process.stdout.write(
    written.length > 0 ? `Wrote ${written.join(', ')}\n` : 'The schema matches the migrations: nothing to write.\n',
  );
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
