// PostgreSQL for tests (issue #20): tests that run against PostgreSQL run when TONGBAN_TEST_POSTGRES_URL names a
// database (`.ci/run` sets it where `pg_isready -h 127.0.0.1` answers) and are reported as skipped otherwise. Each
// test app gets a schema of its own, so test files running in parallel never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withSchema } from '../../server/db/postgresTarget.ts';

export const TEST_POSTGRES_URL: string | null = process.env.TONGBAN_TEST_POSTGRES_URL?.trim() || null;

/** Why PostgreSQL tests did not run; part of the skipped tests' names, so the report says it. */
export const POSTGRES_SKIPPED =
  'skipped: TONGBAN_TEST_POSTGRES_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/tongban_test)';

export interface TestSchema {
  /** TONGBAN_TEST_POSTGRES_URL with ?schema= naming the new schema. */
  url: string;
  schema: string;
  /** A pool on that schema, for assertions that read the tables directly. */
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** Creates an empty schema with a unique name in the test database. */
export async function freshTestSchema(): Promise<TestSchema> {
  if (!TEST_POSTGRES_URL) throw new Error(POSTGRES_SKIPPED);
  const schema = `tb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 2, options: `-c search_path=${schema}` });
  return {
    url: withSchema(TEST_POSTGRES_URL, schema),
    schema,
    pool,
    async drop() {
      await pool.end();
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
