// Opens the Prisma client on the embedded SQLite database (WAL, foreign keys on).
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../prisma/generated/client.ts';
import { withStatementCache, type StatementCache } from './statementCache.ts';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function databasePath(dataDir: string): string {
  return path.join(dataDir, 'tongban.db');
}

/**
 * What every connection to the database file sets: Prisma's and the collab update log's (collab/storage). WAL lets
 * readers proceed while a command writes; NORMAL sync is durable in WAL mode across process crashes.
 */
export const CONNECTION_PRAGMAS = ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON'] as const;

/** The statement cache of each client's current connection (set when the adapter connects). */
const connections = new WeakMap<Db, { cache: StatementCache | null }>();

export async function openDatabase(dataDir: string): Promise<Db> {
  const connection: { cache: StatementCache | null } = { cache: null };
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

/**
 * The rows of a read (a SELECT) run on Prisma's own connection and statement cache, without Prisma's query machinery,
 * which costs more than the statement itself on the hottest small reads (the 待办 centre on every page and badge).
 * The same connection reads the same data as db.$queryRaw would (the adapter does not hold reads back for a
 * transaction in progress either). Rows are arrays in the statement's column order, values as SQLite gives them:
 * TEXT (and DateTime, stored as text) a string, INTEGER a number (not the adapter's BigInt), NULL null. Bound values: strings, numbers, null.
 */
export function readRows(db: Db, sql: string, values: readonly unknown[]): unknown[][] {
  const cache = connections.get(db)?.cache;
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
