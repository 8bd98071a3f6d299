// Applies the committed Prisma migrations (prisma/migrations/*/migration.sql) to the SQLite database at start-up.
// It keeps Prisma's own _prisma_migrations table, so `prisma migrate status` agrees with what ran here.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

interface AppliedRow {
  migration_name: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** The migrations in a migrations folder (one sub-folder each, named so that they sort in order). */
export function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function migrateDatabase(dbFile: string, dir = migrationsDir): MigrationResult {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const db = new Database(dbFile);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = OFF');
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    const applied = new Map(
      (
        db
          .prepare(
            'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
          )
          .all() as AppliedRow[]
      ).map((r) => [r.migration_name, r.checksum]),
    );
    const names = migrationNames(dir);
    const result: MigrationResult = { applied: [], alreadyApplied: 0 };
    for (const name of names) {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const known = applied.get(name);
      if (known !== undefined) {
        if (known !== checksum)
          throw new Error(
            `Migration ${name} was changed after it was applied (checksum mismatch); add a new migration instead.`,
          );
        result.alreadyApplied++;
        continue;
      }
      const run = db.transaction(() => {
        db.exec(sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
          VALUES (?, ?, current_timestamp, ?, 1, current_timestamp)`,
        ).run(randomUUID(), checksum, name);
      });
      run();
      result.applied.push(name);
    }
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) throw new Error(`Foreign key check failed after migrations: ${JSON.stringify(fk.slice(0, 3))}`);
    return result;
  } finally {
    db.close();
  }
}
