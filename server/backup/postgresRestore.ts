// Restores a PostgreSQL deployment's dump (postgresDump.ts) into a schema of the deployment's database: its own schema
// (a restore, once that schema is empty) or another (the restore drill's scratch schema, or `restore --schema`).
// pg_restore writes the dump as SQL, in which pg_dump has qualified every name with the schema it was taken from; the
// schema is renamed on the way to psql (statements only: the rows of COPY pass untouched), and psql runs it all in one
// transaction, so a restore that fails leaves nothing behind. A literal in the schema's DDL that happens to spell
// "<old schema>." would be renamed too; Tongban's schema has none.
import { StringDecoder } from 'node:string_decoder';
import { quoteIdent } from './postgresDump.ts';
import { libpqEnvironment, requireTool, serverVersion, startTool, withPostgres } from './postgresTools.ts';

/** Whether a schema can take a restore: absent or empty, or what it holds. */
export async function schemaContents(url: string, schema: string): Promise<'absent' | 'empty' | 'in use'> {
  return withPostgres(url, async (client) => {
    const ns = await client.query<{ oid: number }>('SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = $1', [
      schema,
    ]);
    if (ns.rowCount === 0) return 'absent';
    const { rows } = await client.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM pg_catalog.pg_class WHERE relnamespace = $1)
            + (SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace = $1) AS n`,
      [ns.rows[0]!.oid],
    );
    return Number(rows[0]!.n) === 0 ? 'empty' : 'in use';
  });
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  await withPostgres(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`));
}

/** pg_restore's SQL with `from`'s qualified names moved to `to`, line by line, rows of COPY untouched. */
export async function* renameSchema(sql: AsyncIterable<Buffer | string>, from: string, to: string) {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const forms = [escape(quoteIdent(from)), ...(/^[a-z_][a-z0-9_]*$/.test(from) ? [escape(from)] : [])].join('|');
  const qualified = new RegExp(`(?<![A-Za-z0-9_$"])(?:${forms})\\.`, 'g');
  const createSchema = new RegExp(`^CREATE SCHEMA (?:${forms});$`);
  const target = `${quoteIdent(to)}.`;
  // The schema is created (or, empty, kept) first; the dump's own CREATE SCHEMA would fail on an existing one.
  yield `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(to)};\n`;
  let inCopy = false;
  const line = (text: string): string => {
    if (inCopy) {
      if (text === '\\.') inCopy = false;
      return text;
    }
    if (createSchema.test(text)) return '';
    const renamed = text.replace(qualified, target);
    if (/^COPY .* FROM stdin;$/.test(renamed)) inCopy = true;
    return renamed;
  };
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of sql) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const end = rest.lastIndexOf('\n');
    if (end < 0) continue;
    const lines = rest.slice(0, end).split('\n');
    rest = rest.slice(end + 1);
    yield `${lines.map(line).join('\n')}\n`;
  }
  rest += decoder.end();
  if (rest) yield `${line(rest)}\n`;
}

/** pg_restore and psql, refused (missing, or older than the server) before anything of a backup is opened. */
export async function requireRestoreTools(url: string): Promise<void> {
  const major = await withPostgres(url, async (client) => (await serverVersion(client)).major);
  await requireTool('pg_restore', major);
  await requireTool('psql', major);
}

/**
 * Restores the dump (a plain file, opened from the backup) taken of `sourceSchema` into `targetSchema`. The caller has
 * checked the tools with requireRestoreTools before it opened the backup (backupReader.ts).
 */
export async function restoreDump(
  url: string,
  dumpFile: string,
  sourceSchema: string,
  targetSchema: string,
): Promise<void> {
  const env = libpqEnvironment(url);
  const dump = startTool('pg_restore', ['--no-owner', '--no-privileges', '--no-comments', '--file=-', dumpFile], env, {
    stdout: true,
  });
  // The script ends only once pg_restore has exited 0: had it stopped half-way, psql, given what it wrote so far,
  // would commit it. Failing here stops psql before its COMMIT instead, and the transaction is rolled back.
  let dumpFailed = false;
  const script = (async function* () {
    yield* renameSchema(dump.stdout as AsyncIterable<Buffer>, sourceSchema, targetSchema);
    try {
      await dump.done;
    } catch (err) {
      dumpFailed = true;
      throw err;
    }
  })();
  const psql = startTool(
    'psql',
    ['--no-psqlrc', '--quiet', '--no-password', '--set=ON_ERROR_STOP=1', '--single-transaction', '--file=-'],
    { ...env, PGOPTIONS: '-c client_min_messages=warning' },
    { stdin: script },
  );
  const [dumped, restored] = await Promise.allSettled([dump.done, psql.done]);
  // psql's own fault first (pg_restore then only lost its reader), unless psql was stopped because pg_restore failed.
  if (restored.status === 'rejected' && !dumpFailed) throw restored.reason;
  if (dumped.status === 'rejected') throw dumped.reason;
  if (restored.status === 'rejected') throw restored.reason;
}
