// Prepared-statement reuse for Prisma's better-sqlite3 adapter. The adapter (6.19) prepares every query afresh, and a
// profile of the supervision lists under load put ~15% of the server's CPU in better-sqlite3's prepare(). Prisma emits
// the same SQL text for the same query shape, so a small LRU of prepared statements keyed by that text serves almost
// every query. The adapter binds arguments once per prepared object (`prepare(sql).bind(args)`), which a shared
// statement forbids, so it is handed a thin per-call view that passes the arguments to each execution instead.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** What the adapter calls on a prepared statement (see @prisma/adapter-better-sqlite3's performIO and executeIO). */
export interface StatementView {
  readonly reader: boolean;
  bind(args: unknown[]): StatementView;
  run(): BetterSqlite3.RunResult;
  columns(): BetterSqlite3.ColumnDefinition[];
  raw(): { all(): unknown[][] };
}

function view(stmt: Statement, args: unknown[]): StatementView {
  return {
    reader: stmt.reader,
    bind: (bound) => view(stmt, bound),
    run: () => stmt.run(...args),
    columns: () => stmt.columns(),
    // raw(true) is a mode of the statement; every read through the adapter wants rows as arrays, so it stays set.
    raw: () => ({ all: () => stmt.raw(true).all(...args) as unknown[][] }),
  };
}

export interface StatementCache {
  size(): number;
  /** The prepared statement of this text, from the cache (prepared and cached when missing). */
  statement(sql: string): Statement;
}

/** Makes `db.prepare` reuse up to `capacity` statements, least recently used evicted first. */
export function cacheStatements(db: Database, capacity = 256): StatementCache {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  const statement = (sql: string): Statement => {
    let stmt = cache.get(sql);
    if (stmt) cache.delete(sql);
    else {
      stmt = prepare(sql);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  const cachedPrepare = (sql: string): StatementView => view(statement(sql), []);
  Object.defineProperty(db, 'prepare', { value: cachedPrepare, configurable: true, writable: true });
  return { size: () => cache.size, statement };
}

/**
 * Wraps the adapter factory so that each connection it opens reuses statements. It reaches the adapter's `client`
 * (the better-sqlite3 Database), which is a plain property in the pinned adapter version; if a new version hides it,
 * this fails at start-up rather than silently running without the cache.
 */
export function withStatementCache(
  factory: SqlDriverAdapterFactory,
  onConnect?: (cache: StatementCache) => void,
): SqlDriverAdapterFactory {
  const withCache = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const client = (adapter as unknown as { client?: Database }).client;
    if (!client || typeof client.prepare !== 'function')
      throw new Error('statement cache: the SQLite adapter no longer exposes its client');
    const cache = cacheStatements(client);
    onConnect?.(cache);
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withCache(await factory.connect()),
  };
}
