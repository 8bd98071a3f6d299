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

export async function openDatabase(dataDir: string): Promise<Db> {
  const adapter = withStatementCache(new PrismaBetterSQLite3({ url: `file:${databasePath(dataDir)}`, timeout: 10_000 }));
  const db = new PrismaClient({ adapter });
  // WAL lets readers proceed while a command writes; NORMAL sync is durable in WAL mode across process crashes.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  await db.$executeRawUnsafe('PRAGMA busy_timeout = 10000');
  return db;
}
