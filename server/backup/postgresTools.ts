// The PostgreSQL client programs a backup of a PostgreSQL deployment runs (pg_dump, pg_restore, psql, from Debian's
// postgresql-client), and how they connect: the deployment's URL (TONGBAN_DATABASE_URL) taken apart into libpq's
// environment, so the password is in PGPASSWORD and never on a command line that `ps` shows to every local account.
// A program that is missing, or of an older major version than the server (it could not read or write that server's
// catalogue), stops the backup or the restore before anything is written.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { postgresTarget } from '../db/postgresTarget.ts';

export type PostgresTool = 'pg_dump' | 'pg_restore' | 'psql';

export class PostgresToolProblem extends Error {}

/** libpq settings that the URL's query may carry (anything else there is Prisma's or node-postgres's own). */
const LIBPQ_PARAMETERS: Record<string, string> = {
  host: 'PGHOST',
  port: 'PGPORT',
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  connect_timeout: 'PGCONNECT_TIMEOUT',
};

/** The environment of a client program connecting where `url` points (the schema is the program's argument). */
export function libpqEnvironment(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(postgresTarget(url).connectionString);
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: 'tongban-backup' };
  if (parsed.hostname) env.PGHOST = decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1');
  if (parsed.port) env.PGPORT = parsed.port;
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database) env.PGDATABASE = database;
  for (const [name, variable] of Object.entries(LIBPQ_PARAMETERS)) {
    const value = parsed.searchParams.get(name);
    if (value !== null) env[variable] = value;
  }
  return env;
}

/** A client on the deployment's database (not its schema: every statement here names the schema it means). */
export async function withPostgres<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresTarget(url).connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** `SHOW server_version_num` (e.g. 150020) and its major version (15). */
export async function serverVersion(client: pg.Client): Promise<{ num: number; major: number }> {
  const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
  const num = Number(rows[0]!.server_version_num);
  return { num, major: Math.floor(num / 10_000) };
}

const run = promisify(execFile);

function installHint(tool: PostgresTool, serverMajor: number): string {
  const command = `sudo apt-get install -y postgresql-client-${serverMajor}`;
  return (
    `请先安装与服务器同一主版本的 PostgreSQL 客户端：${command}（Debian 自带版本之外的版本来自 apt.postgresql.org）。` +
    ` / Install the PostgreSQL client of the server's major version first: ${command} (versions other than ` +
    `Debian's own come from apt.postgresql.org). ${tool} must be on PATH.`
  );
}

/**
 * The program's version ("pg_dump (PostgreSQL) 15.20 …"), refused when it is missing or older than the server's
 * major version: a half backup, or a restore that stops half-way, must never start.
 */
export async function requireTool(tool: PostgresTool, serverMajor: number): Promise<string> {
  let stdout: string;
  try {
    ({ stdout } = await run(tool, ['--version']));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PostgresToolProblem(
      `${missing ? `找不到 ${tool}` : `${tool} 无法运行`} / ${tool} ${missing ? 'was not found' : `does not run (${(err as Error).message})`}. ` +
        installHint(tool, serverMajor),
    );
  }
  const version = stdout.trim();
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(version)?.[1] ?? NaN);
  if (!(major >= serverMajor))
    throw new PostgresToolProblem(
      `${tool} 的版本（${version}）低于 PostgreSQL 服务器的主版本 ${serverMajor} / ${tool} is older (${version}) than ` +
        `the server's major version ${serverMajor}. ` +
        installHint(tool, serverMajor),
    );
  return version;
}

/** A running client program: its stdout (when asked for) and its end. */
export interface RunningTool {
  stdout: NodeJS.ReadableStream | null;
  /** Resolves when it exits 0; otherwise rejects with what it wrote to stderr (never the environment). */
  done: Promise<void>;
}

/** Starts a client program with the connection in its environment; `stdin`, when given, is written to its input. */
export function startTool(
  tool: PostgresTool,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  io: { stdin?: AsyncIterable<string>; stdout?: boolean } = {},
): RunningTool {
  const child = spawn(tool, args, {
    env,
    stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    if (stderr.length < 8_000) stderr += chunk.toString('utf8');
  });
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${tool} 执行失败 / ${tool} failed (${signal ?? `exit code ${code}`}): ${stderr.trim() || 'no message'}`,
          ),
        );
    });
  });
  // When the text fed in fails (the program producing it stopped), this one is stopped too: the producer's own error
  // is what the caller reports.
  if (io.stdin) feed(child.stdin!, io.stdin).catch(() => child.kill());
  return { stdout: io.stdout ? child.stdout : null, done };
}

/** Writes the text to a program's input until it ends, or until the program closes its input (it failed). */
async function feed(stdin: NodeJS.WritableStream, text: AsyncIterable<string>): Promise<void> {
  let closed = false;
  // A program that stops early (an error) closes its input: its exit code and message, not EPIPE, say what went wrong.
  stdin.on('error', () => {
    closed = true;
  });
  stdin.on('close', () => {
    closed = true;
  });
  try {
    for await (const chunk of text) {
      if (closed) break;
      if (!stdin.write(chunk))
        await new Promise<void>((resolve) => {
          stdin.once('drain', resolve);
          stdin.once('close', resolve);
        });
    }
  } finally {
    if (!closed) stdin.end();
  }
}
