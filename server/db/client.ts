// Opens the Prisma client on the configured database: the embedded SQLite file (WAL, foreign keys on) by default, or
// PostgreSQL when TONGBAN_DATABASE_URL names one (scaling out, README "Scaling out"). Both clients come from the one
// schema (prisma/schema.prisma and its derived prisma/postgres/schema.prisma), so their model APIs are the same and
// callers see one type, Db. Raw SQL asks dialectOf() which database it speaks to.
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../prisma/generated/client.ts';
import { PrismaClient as PostgresPrismaClient } from '../../prisma/postgres/generated/client.ts';
import { migratePostgres } from './migratePostgres.ts';
import { postgresTarget } from './postgresTarget.ts';
import { serialiseTransactions } from './postgresTransactions.ts';
import { postgresRowTypes } from './postgresRows.ts';
import { withStatementCache, type StatementCache } from './statementCache.ts';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Which SQL a raw statement must be written in. */
export type Dialect = 'sqlite' | 'postgres';

export function databasePath(dataDir: string): string {
  return path.join(dataDir, 'tongban.db');
}

/**
 * What every connection to the database file sets: Prisma's and the collab update log's (collab/storage). WAL lets
 * readers proceed while a command writes; NORMAL sync is durable in WAL mode across process crashes.
 */
export const CONNECTION_PRAGMAS = ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON'] as const;

/** What readRows reads through: the SQLite statement cache of the client's connection, or its PostgreSQL pool. */
type Connection = { dialect: 'sqlite'; cache: StatementCache | null } | { dialect: 'postgres'; pool: pg.Pool };
const connections = new WeakMap<Db, Connection>();

/**
 * Opens the database: `databaseUrl` null → the SQLite file in the data directory (migrations are applied by
 * migrateDatabase before this); a postgresql:// URL → PostgreSQL, its migrations applied here first (several instances
 * may start at once: migratePostgres takes an advisory lock).
 */
export async function openDatabase(dataDir: string, databaseUrl: string | null = null): Promise<Db> {
  if (databaseUrl) return openPostgres(databaseUrl);
  const connection: Connection = { dialect: 'sqlite', cache: null };
  const adapter = withStatementCache(
    new PrismaBetterSQLite3({ url: `file:${databasePath(dataDir)}`, timeout: 10_000 }),
    (cache) => {
      connection.cache = cache;
    },
  );
  const db = new PrismaClient({ adapter });
  connections.set(db, connection);
  // (A query, not an execute: setting journal_mode returns a row.)
  for (const pragma of CONNECTION_PRAGMAS) await db.$queryRawUnsafe(`PRAGMA ${pragma}`);
  await db.$executeRawUnsafe('PRAGMA busy_timeout = 10000');
  return db;
}

export interface PostgresOptions {
  /**
   * Run every transaction under one lock per schema, as SQLite runs them one at a time (default true; see
   * postgresTransactions.ts). Off only in tests that show what holds without it (the audit chain's own lock).
   */
  serialise?: boolean;
  /** Connections in the pool (default 10). */
  max?: number;
}

/** The Prisma client on PostgreSQL (`?schema=` names the schema, default public), after applying its migrations. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  await migratePostgres(url);
  const { connectionString, schema } = postgresTarget(url);
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    // Raw SQL names tables unqualified; Prisma's own statements name the schema (the adapter's `schema`).
    options: `-c search_path="${schema}"`,
  });
  const pgAdapter = new PrismaPg(pool, { schema, disposeExternalPool: true });
  const adapter = options.serialise === false ? pgAdapter : serialiseTransactions(pgAdapter);
  const db = new PostgresPrismaClient({ adapter }) as unknown as Db;
  connections.set(db, { dialect: 'postgres', pool });
  return db;
}

/**
 * The dialect of a client or of a transaction client (which forwards to its client's provider). Fails loudly if a
 * Prisma upgrade renames what it reads, rather than sending one database the other's SQL.
 */
export function dialectOf(db: Db | Tx): Dialect {
  const provider = (db as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider === 'sqlite') return 'sqlite';
  if (provider === 'postgresql') return 'postgres';
  throw new Error(`dialectOf: unknown Prisma provider ${String(provider)}`);
}

/**
 * The rows of a read (a SELECT) run on Prisma's own connection and statement cache, without Prisma's query machinery,
 * which costs more than the statement itself on the hottest small reads (the 待办 centre on every page and badge).
 * The same connection reads the same data as db.$queryRaw would (the adapter does not hold reads back for a
 * transaction in progress either). Rows are arrays in the statement's column order, values as SQLite gives them:
 * TEXT (and DateTime, stored as text) a string, INTEGER a number (not the adapter's BigInt), NULL null. Bound values: strings, numbers, null.
 * SQLite only (synchronous); queryRows reads either database.
 */
export function readRows(db: Db, sql: string, values: readonly unknown[]): unknown[][] {
  const connection = connections.get(db);
  if (connection?.dialect === 'postgres') throw new Error('readRows: SQLite only; use queryRows on PostgreSQL');
  const cache = connection?.cache;
  if (!cache) throw new Error('readRows: the database was not opened with openDatabase, or is not connected');
  const stmt = cache.statement(sql);
  if (!stmt.reader) throw new Error('readRows: only reads');
  // The adapter reads integers as BigInt (defaultSafeIntegers); these rows give numbers, and the statement, which
  // Prisma may share through the cache, is set back as the adapter made it.
  stmt.safeIntegers(false);
  try {
    return stmt.raw(true).all(...values) as unknown[][];
  } finally {
    stmt.safeIntegers(true);
  }
}

/** A read written for each database: SQLite's with `?` placeholders, PostgreSQL's with `$1, $2…`. */
export interface DialectSql {
  sqlite: string;
  postgres: string;
}

/**
 * readRows on either database, with rows of the same shape: on PostgreSQL the read goes through the client's pool
 * (rows as arrays), DateTime as the text SQLite stores (sqlTime's spelling), integers and counts as numbers, booleans
 * as 0/1 (as SQLite stores them).
 */
export async function queryRows(db: Db, sql: DialectSql, values: readonly unknown[]): Promise<unknown[][]> {
  const connection = connections.get(db);
  if (connection?.dialect !== 'postgres') return readRows(db, sql.sqlite, values);
  const result = await connection.pool.query({
    text: sql.postgres,
    values: values as unknown[],
    rowMode: 'array',
    types: postgresRowTypes,
  });
  return result.rows as unknown[][];
}
