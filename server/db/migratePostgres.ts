// Applies the committed PostgreSQL migrations (prisma/postgres/migrations/*/migration.sql, derived from the one schema
// by scripts/postgresSchema.ts) to a PostgreSQL database, as server/db/migrate.ts does for SQLite: Prisma's own
// _prisma_migrations table, a checksum per migration, each migration in its own transaction. Several instances may
// start at once against one database: a transaction-level advisory lock lets exactly one apply a migration, the others
// wait and then find it applied. `?schema=` in the URL names the schema they go to (created if missing; default public).
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrationNames, type MigrationResult } from './migrate.ts';
import { postgresTarget } from './postgresTarget.ts';

export const postgresMigrationsDir = fileURLToPath(new URL('../../prisma/postgres/migrations', import.meta.url));

/** pg_advisory_xact_lock key for "migrating Tongban's schema" (any fixed 64-bit number; this one spells TONGBAN). */
const MIGRATION_LOCK = 0x544f4e4742414en;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function migratePostgres(url: string, dir = postgresMigrationsDir): Promise<MigrationResult> {
  const { connectionString, schema } = postgresTarget(url);
  const client = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
  await client.connect();
  try {
    // Under the lock too: two instances creating the schema at once would collide. (Only when missing: creating
    // needs the CREATE privilege on the database even with IF NOT EXISTS.)
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
      const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      if (exists.rowCount === 0) await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
    const names = migrationNames(dir);
    const result: MigrationResult = { applied: [], alreadyApplied: 0 };
    for (const name of names) {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
        await client.query(CREATE_TABLE);
        const known = await client.query<{ checksum: string }>(
          'SELECT checksum FROM _prisma_migrations WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL',
          [name],
        );
        const row = known.rows[0];
        if (row) {
          if (row.checksum !== checksum)
            throw new Error(
              `Migration ${name} was changed after it was applied (checksum mismatch); add a new migration instead.`,
            );
          await client.query('COMMIT');
          result.alreadyApplied++;
          continue;
        }
        // A migration is several statements: the simple query protocol runs them as one script, inside this transaction.
        await client.query(sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
           VALUES ($1, $2, now(), $3, 1, now())`,
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
        result.applied.push(name);
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return result;
  } finally {
    await client.end();
  }
}
