// A test app whose world is written into its database with SQL (the bench seeders, tests/bench/*Seed.ts, through
// better-sqlite3), on either database: on SQLite into the app's own file; on PostgreSQL (TONGBAN_TEST_DATABASE=postgres)
// into the SQLite file of a first app, then copied (sqliteToPostgres.ts) into a fresh migrated schema that the test's
// app starts on, with the first app's demo organisation and its clock's start.
import type { Config } from '../../server/config.ts';
import { databasePath } from '../../server/db/client.ts';
import { migratePostgres } from '../../server/db/migratePostgres.ts';
import { freshTestSchema } from './postgres.ts';
import { copySqliteToPostgres } from './sqliteToPostgres.ts';
import { createTestApp, TEST_DATABASE, type TestApp } from './testApp.ts';

/**
 * `seed` writes the world into the SQLite file given, at the instant the app's clock starts. On PostgreSQL the app's
 * databaseUrl and cliEnv name the copy's schema, and close() drops it.
 */
export async function createSeededTestApp(
  options: { config?: Partial<Config>; clockAt?: Date },
  seed: (sqliteFile: string, now: Date) => void,
): Promise<TestApp> {
  if (TEST_DATABASE === 'sqlite') {
    const t = await createTestApp(options);
    seed(databasePath(t.dataDir), t.clock.now());
    return t;
  }
  const schema = await freshTestSchema();
  let now: Date;
  try {
    const seeded = await createTestApp({ ...options, config: { ...options.config, databaseUrl: null } });
    try {
      now = seeded.clock.now();
      seed(databasePath(seeded.dataDir), now);
      await migratePostgres(schema.url);
      await copySqliteToPostgres(databasePath(seeded.dataDir), schema.pool);
    } finally {
      await seeded.close();
    }
  } catch (err) {
    await schema.drop();
    throw err;
  }
  const t = await createTestApp({ clockAt: now, demo: false, config: { ...options.config, databaseUrl: schema.url } });
  return {
    ...t,
    databaseUrl: schema.url,
    cliEnv: { ...t.cliEnv, TONGBAN_DATABASE_URL: schema.url },
    async close() {
      await t.close();
      await schema.drop();
    },
  };
}
