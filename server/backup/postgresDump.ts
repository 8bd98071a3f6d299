// The database part of a PostgreSQL deployment's backup: `pg_dump --format=custom` of the deployment's own schema (the
// URL's ?schema=, default public: Prisma's tables and the collab update log's, which live there too), run on a
// snapshot this module exports from a read-only transaction, so that the dump, the audit head and the row counts the
// manifest records are all of one instant while the servers go on writing.
import { postgresTarget } from '../db/postgresTarget.ts';
import type { AuditHead } from '../audit/headCheckpoint.ts';
import { libpqEnvironment, requireTool, serverVersion, startTool, withPostgres } from './postgresTools.ts';
import type pg from 'pg';

export interface PostgresDump {
  schema: string;
  serverVersionNum: number;
  /** `pg_dump --version` of the program that wrote it. */
  pgDump: string;
  head: AuditHead | null;
  /** Rows of every table of the schema at the dump's instant. */
  rowCounts: Record<string, number>;
}

/** A name as an SQL identifier (always quoted: Prisma's schema names keep their case). */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows of every table in the schema, as the client's transaction sees them. */
export async function countRows(client: pg.Client, schema: string): Promise<Record<string, number>> {
  const tables = await client.query<{ tablename: string }>(
    'SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = $1 ORDER BY tablename',
    [schema],
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables.rows) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${quoteIdent(schema)}.${quoteIdent(tablename)}`,
    );
    counts[tablename] = Number(rows[0]!.n);
  }
  return counts;
}

/** The newest audit event in the schema (null: none, or no audit table). */
export async function newestAuditEvent(client: pg.Client, schema: string): Promise<AuditHead | null> {
  const table = await client.query('SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = $1 AND tablename = $2', [
    schema,
    'AuditEvent',
  ]);
  if (table.rowCount === 0) return null;
  const { rows } = await client.query<{ seq: number | string; hash: string }>(
    `SELECT seq, hash FROM ${quoteIdent(schema)}."AuditEvent" ORDER BY seq DESC LIMIT 1`,
  );
  return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
}

/** Dumps the deployment's schema into `target` (a file in the data directory, sealed and removed by the caller). */
export async function dumpPostgres(url: string, target: string): Promise<PostgresDump> {
  const { schema } = postgresTarget(url);
  return withPostgres(url, async (client) => {
    const version = await serverVersion(client);
    const pgDump = await requireTool('pg_dump', version.major);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    try {
      const { rows } = await client.query<{ id: string }>('SELECT pg_catalog.pg_export_snapshot() AS id');
      const head = await newestAuditEvent(client, schema);
      const rowCounts = await countRows(client, schema);
      // The snapshot stays valid while this transaction is open: pg_dump reads exactly what was counted above.
      await startTool(
        'pg_dump',
        [
          '--format=custom',
          `--schema=${quoteIdent(schema)}`,
          `--snapshot=${rows[0]!.id}`,
          '--no-password',
          `--file=${target}`,
        ],
        libpqEnvironment(url),
      ).done;
      return { schema, serverVersionNum: version.num, pgDump, head, rowCounts };
    } finally {
      await client.query('COMMIT');
    }
  });
}
