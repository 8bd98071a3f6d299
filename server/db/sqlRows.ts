// Reads written once as a Prisma.Sql, built for the database the client speaks to (dialectOf), and read through
// queryRows: SQLite takes the statement's `?` text (Prisma.Sql's .sql), PostgreSQL its `$1, $2…` text (.text); the
// bound values are the same list. Rows come back as queryRows gives them (arrays, SQLite's value shapes).
import type { Prisma } from '../../prisma/generated/client.ts';
import { queryRows, type Db } from './client.ts';

/** The rows of `sql`, which must have been built for dialectOf(db). */
export function sqlRows(db: Db, sql: Prisma.Sql): Promise<unknown[][]> {
  return queryRows(db, { sqlite: sql.sql, postgres: sql.text }, sql.values);
}
