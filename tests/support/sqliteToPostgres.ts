// A world written in SQLite, copied into a PostgreSQL schema: for tests whose data is seeded with SQL through
// better-sqlite3 (tests/bench's seeders) and that are to run on PostgreSQL too. The schema must have the migrations
// applied (migratePostgres) and be otherwise empty; the rows of every table the two databases share are copied as they
// are (SQLite's 0/1 to booleans, its stored time text read by PostgreSQL as the UTC it spells), foreign keys and triggers
// held off while they are (session_replication_role), and the id sequences moved past the copied ids. The audit chain
// is not copied: its rows are sealed for the instance that wrote them, and the app starts its own.
import Database from 'better-sqlite3';
import pg from 'pg';

const SKIPPED = new Set(['_prisma_migrations', 'AuditEvent']);
/** Rows per INSERT (PostgreSQL takes at most 65,535 bound values in one statement). */
const BATCH = 200;

export async function copySqliteToPostgres(sqliteFile: string, pool: pg.Pool): Promise<void> {
  const lite = new Database(sqliteFile, { readonly: true });
  const client = await pool.connect();
  try {
    const tables = (
      await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).rows
      .map((r) => r.table_name)
      .filter((name) => !SKIPPED.has(name));
    const inSqlite = new Set(
      (lite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map(
        (r) => r.name,
      ),
    );
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const table of tables.filter((name) => inSqlite.has(name))) {
      const columns = (
        await client.query<{ column_name: string; data_type: string; column_default: string | null }>(
          `SELECT column_name, data_type, column_default FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).rows;
      const names = columns.map((c) => `"${c.column_name}"`).join(', ');
      const rows = lite.prepare(`SELECT ${names} FROM "${table}"`).raw(true).all() as unknown[][];
      const convert = columns.map((c) =>
        c.data_type === 'boolean' ? (v: unknown) => (v === null ? null : Boolean(v)) : (v: unknown) => v,
      );
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const values: unknown[] = [];
        const tuples = batch.map((row) => {
          const marks = row.map((v, i) => {
            values.push(convert[i]!(v));
            return `$${values.length}`;
          });
          return `(${marks.join(', ')})`;
        });
        await client.query(`INSERT INTO "${table}" (${names}) VALUES ${tuples.join(', ')}`, values);
      }
      for (const c of columns.filter((col) => col.column_default?.startsWith('nextval('))) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX("${c.column_name}"), 0) + 1, false)
          FROM "${table}"`,
          [`"${table}"`, c.column_name],
        );
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
    lite.close();
  }
}
