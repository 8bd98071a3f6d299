// Opens the Prisma client on the embedded SQLite database (WAL, foreign keys on).
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../prisma/generated/client.ts';
import { withStatementCache } from './statementCache.ts';

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

export async function openDatabase(dataDir: string): Promise<Db> {
  const adapter = withStatementCache(
    new PrismaBetterSQLite3({ url: `file:${databasePath(dataDir)}`, timeout: 10_000 }),
  );
  const db = new PrismaClient({ adapter });
  // (A query, not an execute: setting journal_mode returns a row.)
  for (const pragma of CONNECTION_PRAGMAS) await db.$queryRawUnsafe(`PRAGMA ${pragma}`);
  await db.$executeRawUnsafe('PRAGMA busy_timeout = 10000');
  return db;
}
