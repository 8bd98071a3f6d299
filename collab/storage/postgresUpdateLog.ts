// The update log in PostgreSQL (TONGBAN_DATABASE_URL=postgresql://…; see documentStore.ts for the guarantee and the
// group commit, which are the same as on SQLite).
//
// Durable before acknowledged: each batch is one transaction committed with synchronous_commit=on (set on every
// connection, whatever the server's default), so COMMIT returns only once the WAL is flushed.
//
// Order within a document: a sequence hands out numbers when rows are inserted, not when they commit, so two
// transactions (two instances, or this pool's connections) could commit a document's rows out of order, and a
// compaction that read up to seq 11 while seq 10 was still uncommitted would fold past 10 and never load it. Each
// batch therefore first takes a transaction-scoped advisory lock per document it writes (in one order, so batches
// never deadlock), and a document's rows commit in the order of their numbers.
//
// The tables ("DocumentUpdate", "DocumentSnapshot", in the schema the URL names with ?schema=, default public) are
// Prisma's, created by the PostgreSQL migrations that every instance applies at start before the collab server opens
// (server/db/migratePostgres.ts); ready() only checks that they are there.
import pg from 'pg';
import type { LogRow, StoredState, UpdateLogBackend } from './documentStore.ts';
import { postgresTarget } from '../../server/db/postgresTarget.ts';

/** First key of the log's advisory locks (the second is the document's hash): "TbDU". */
const LOCK_CLASS = 0x54624455;

/** Connections in the pool: one write at a time (the group commit), loads and compactions beside it. */
const POOL_SIZE = 4;

/** A write that PostgreSQL aborted as a deadlock victim (cannot happen with the ordered locks) or a serialisation failure is retried. */
const RETRIED_CODES = new Set(['40P01', '40001']);
const RETRIES = 3;

/** TIMESTAMP(3) holds UTC, as Prisma writes it: the zone of an ISO literal is ignored for this type, so give it in UTC. */
const utc = (at: Date): string => at.toISOString();

export class PostgresUpdateLog implements UpdateLogBackend {
  readonly kind = 'postgresql';
  readonly schema: string;
  private readonly pool: pg.Pool;
  private opened: Promise<void> | null = null;

  constructor(url: string, onIdleError: (err: Error) => void) {
    const { connectionString, schema } = postgresTarget(url);
    this.schema = schema;
    this.pool = new pg.Pool({
      connectionString,
      max: POOL_SIZE,
      options: `-c search_path=${schema} -c synchronous_commit=on`,
    });
    // A connection that breaks while idle in the pool is dropped by it; without a listener the error would end the process.
    this.pool.on('error', onIdleError);
  }

  /** Connects once and checks that the migrations made the tables (a clear error, not one at the first write). */
  ready(): Promise<void> {
    this.opened ??= this.checkTables().catch((err: unknown) => {
      // Not cached: the next use tries again (the database may come back).
      this.opened = null;
      throw err;
    });
    return this.opened;
  }

  private async checkTables(): Promise<void> {
    const { rows } = await this.pool.query<{ updates: string | null; snapshots: string | null }>(
      `SELECT to_regclass('"DocumentUpdate"')::text AS updates, to_regclass('"DocumentSnapshot"')::text AS snapshots`,
    );
    if (!rows[0]?.updates || !rows[0].snapshots)
      throw new Error(
        `The collab update log's tables are missing in PostgreSQL schema "${this.schema}": its migrations have not ` +
          `been applied (server/db/migratePostgres.ts) / 协同编辑日志表不存在：PostgreSQL 迁移尚未执行`,
      );
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackFailed) {
          // The connection itself is gone; the pool must not hand it out again.
          broken = rollbackFailed as Error;
        }
        const code = (err as { code?: unknown }).code;
        if (attempt >= RETRIES || typeof code !== 'string' || !RETRIED_CODES.has(code)) throw err;
      } finally {
        client.release(broken);
      }
    }
  }

  async insert(rows: LogRow[]): Promise<void> {
    await this.ready();
    const documents = [...new Set(rows.map((r) => r.documentId))];
    await this.transaction(async (c) => {
      // Volatile output is evaluated after ORDER BY: the locks are taken in hash order.
      await c.query(
        `SELECT pg_advisory_xact_lock($1, h) FROM (SELECT DISTINCT hashtext(d) AS h FROM unnest($2::text[]) AS d) AS l ORDER BY h`,
        [LOCK_CLASS, documents],
      );
      await c.query(
        `INSERT INTO "DocumentUpdate" ("documentId", "data", "userId", "createdAt")
         SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::timestamp(3)[])`,
        [
          rows.map((r) => r.documentId),
          rows.map((r) => r.data),
          rows.map((r) => r.userId),
          rows.map((r) => utc(r.createdAt)),
        ],
      );
    });
  }

  async read(documentId: string): Promise<StoredState> {
    await this.ready();
    // One statement, so one snapshot of the database: the snapshot and exactly its tail.
    const { rows } = await this.pool.query<{ seq: number | null; data: Buffer; lastSeq: number | null }>(
      `SELECT NULL::integer AS "seq", "state" AS "data", "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" = $1
       UNION ALL
       SELECT "seq", "data", NULL FROM "DocumentUpdate"
        WHERE "documentId" = $1
          AND "seq" > COALESCE((SELECT "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" = $1), 0)
       ORDER BY "seq" ASC NULLS FIRST`,
      [documentId],
    );
    const first = rows[0];
    const snapshot = first && first.seq === null ? { state: first.data, lastSeq: first.lastSeq! } : undefined;
    const tail = rows.filter((r) => r.seq !== null).map((r) => ({ seq: r.seq!, data: r.data }));
    return { snapshot, tail };
  }

  async countTail(documentId: string): Promise<number> {
    await this.ready();
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT COUNT(*)::integer AS "n" FROM "DocumentUpdate"
        WHERE "documentId" = $1 AND "seq" > COALESCE((SELECT "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" = $1), 0)`,
      [documentId],
    );
    return rows[0]?.n ?? 0;
  }

  async fold(documentId: string, state: Buffer, lastSeq: number, at: Date): Promise<void> {
    await this.ready();
    await this.transaction(async (c) => {
      // A slower compaction finishing after a newer one must not put back its older snapshot (whose tail is gone).
      await c.query(
        `INSERT INTO "DocumentSnapshot" ("documentId", "state", "lastSeq", "updatedAt") VALUES ($1, $2, $3, $4)
         ON CONFLICT ("documentId") DO UPDATE SET "state" = excluded."state", "lastSeq" = excluded."lastSeq", "updatedAt" = excluded."updatedAt"
         WHERE excluded."lastSeq" > "DocumentSnapshot"."lastSeq"`,
        [documentId, state, lastSeq, utc(at)],
      );
      await c.query('DELETE FROM "DocumentUpdate" WHERE "documentId" = $1 AND "seq" <= $2', [documentId, lastSeq]);
    });
  }

  async updatesAfter(
    afterSeq: number,
    limit: number,
  ): Promise<Array<{ seq: number; documentId: string; data: Buffer }>> {
    await this.ready();
    const { rows } = await this.pool.query<{ seq: number; documentId: string; data: Buffer }>(
      'SELECT "seq", "documentId", "data" FROM "DocumentUpdate" WHERE "seq" > $1 ORDER BY "seq" ASC LIMIT $2',
      [afterSeq, limit],
    );
    return rows;
  }

  async rewriteUpdates(rows: Array<{ seq: number; data: Buffer }>): Promise<void> {
    await this.transaction(async (c) => {
      await c.query(
        `UPDATE "DocumentUpdate" AS u SET "data" = v.data FROM unnest($1::integer[], $2::bytea[]) AS v(seq, data) WHERE u."seq" = v.seq`,
        [rows.map((r) => r.seq), rows.map((r) => r.data)],
      );
    });
  }

  async snapshotsAfter(
    afterDocumentId: string,
    limit: number,
  ): Promise<Array<{ documentId: string; state: Buffer; lastSeq: number }>> {
    await this.ready();
    const { rows } = await this.pool.query<{ documentId: string; state: Buffer; lastSeq: number }>(
      'SELECT "documentId", "state", "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" > $1 ORDER BY "documentId" ASC LIMIT $2',
      [afterDocumentId, limit],
    );
    return rows;
  }

  async rewriteSnapshots(rows: Array<{ documentId: string; state: Buffer; lastSeq: number }>): Promise<void> {
    await this.transaction(async (c) => {
      await c.query(
        `UPDATE "DocumentSnapshot" AS s SET "state" = v.state
           FROM unnest($1::text[], $2::bytea[], $3::integer[]) AS v("documentId", state, "lastSeq")
          WHERE s."documentId" = v."documentId" AND s."lastSeq" = v."lastSeq"`,
        [rows.map((r) => r.documentId), rows.map((r) => r.state), rows.map((r) => r.lastSeq)],
      );
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
