// `npm run cluster -- --instances 3`: tries Tongban scaled out on this machine: N instances on loopback ports against
// the local PostgreSQL and Redis, behind the user's own nginx (TLS with a local certificate), until Ctrl-C
// (deploy/cluster/cluster.ts; README "Scaling out").
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startCluster, type Cluster } from '../deploy/cluster/cluster.ts';
import { nginxBinary } from '../deploy/cluster/nginxProcess.ts';

const USAGE = `npm run cluster -- [--instances 3] [--port 8443] [--base-port 3101] [--media-port 40000] [--demo]

  --instances N   Tongban instances (default 3), on ports base-port, base-port + 1, …
  --port P        nginx's HTTPS port (default 8443): open https://localhost:P
  --media-port M  mediasoup ports: instance i (from 0) takes M + 100·i (default TONGBAN_MEDIA_PORT or 40000)
  --demo          the demo organisation and a month of its work on first start (as npm run demo)

Environment: TONGBAN_DATABASE_URL (default postgresql://<you>@127.0.0.1:5432/tongban, created when missing),
TONGBAN_REDIS_URL (default redis://127.0.0.1:6379), TONGBAN_DATA_DIR (default data/cluster), and every other
TONGBAN_ variable, passed to each instance.`;

const root = path.resolve(import.meta.dirname, '..');
const say = (line: string) => process.stdout.write(`[cluster] ${line}\n`);
function fail(message: string): never {
  process.stderr.write(`[cluster] ${message}\n`);
  process.exit(1);
}

function port(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) fail(`--${name} must be a port number, not ${value}\n\n${USAGE}`);
  return n;
}

/** Connects to the database, creating it when it does not exist yet (it is only ever an empty one). */
async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.end();
    return;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== '3D000')
      fail(
        `PostgreSQL did not answer at ${url}: ${(err as Error).message}\n` +
          `Set TONGBAN_DATABASE_URL, or start PostgreSQL / PostgreSQL 未就绪，请设置 TONGBAN_DATABASE_URL`,
      );
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  maintenance.search = '';
  const admin = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3_000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    say(`created the PostgreSQL database ${name}`);
  } finally {
    await admin.end();
  }
}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0 });
  // connect() rejects with the same error, reported below; without a listener ioredis would also print it unhandled.
  redis.on('error', (err: Error) => err);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    fail(
      `Redis did not answer at ${url}: ${(err as Error).message}\n` +
        `Set TONGBAN_REDIS_URL, or start Redis / Redis 未就绪，请设置 TONGBAN_REDIS_URL`,
    );
  } finally {
    redis.disconnect();
  }
}

/** The first-start link (or that setup is done), from the CLI against the cluster's data. */
function setupLink(env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli/main.ts'), 'setup-link'], {
    cwd: root,
    env: { ...env, TONGBAN_LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  return (result.stdout || result.stderr).trim();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: '3' },
      port: { type: 'string' },
      'base-port': { type: 'string' },
      'media-port': { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const count = Number(values.instances);
  if (!Number.isInteger(count) || count < 1 || count > 16) fail(`--instances takes 1 to 16\n\n${USAGE}`);
  const httpsPort = port('port', values.port, 8443);
  const basePort = port('base-port', values['base-port'], 3101);
  const mediaPort = port('media-port', values['media-port'] ?? process.env.TONGBAN_MEDIA_PORT, 40000);
  if (!nginxBinary()) fail('nginx is not installed: sudo apt-get install nginx (npm install does it as root)');

  const databaseUrl =
    process.env.TONGBAN_DATABASE_URL?.trim() || `postgresql://${os.userInfo().username}@127.0.0.1:5432/tongban`;
  const redisUrl = process.env.TONGBAN_REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  if (!databaseUrl.startsWith('postgres')) fail(`the cluster needs PostgreSQL: TONGBAN_DATABASE_URL=${databaseUrl}`);
  const dataDir = path.resolve(process.env.TONGBAN_DATA_DIR || path.join(root, 'data/cluster'));
  await ensureDatabase(databaseUrl);
  await checkRedis(redisUrl);

  let cluster: Cluster | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping nginx and the instances…');
    await cluster?.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));

  const env = { ...(values.demo ? { TONGBAN_DEMO: 'full' } : {}) };
  say(`data directory ${dataDir}; PostgreSQL ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}; Redis ${redisUrl}`);
  try {
    cluster = await startCluster({
      dataDir,
      httpsPort,
      instancePorts: Array.from({ length: count }, (_, i) => basePort + i),
      mediaPorts: Array.from({ length: count }, (_, i) => mediaPort + 100 * i),
      databaseUrl,
      redisUrl,
      env,
      entry: 'start',
      // The first start may build the web client.
      firstStartTimeoutMs: 300_000,
      log: say,
    });
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const running = cluster;
  for (const instance of running.instances) {
    const log = path.relative(process.cwd(), instance.logFile);
    say(`instance ${instance.index}: ${instance.url} (log ${log.startsWith('..') ? instance.logFile : log})`);
    void instance.exited.then((exit) => {
      if (!stopping)
        say(
          `instance ${instance.index} exited (${exit.signal ?? `code ${exit.code}`}); nginx sends its users to the others`,
        );
    });
  }
  void running.nginx.exited.then(() => {
    if (!stopping) {
      say(`nginx exited; see ${running.nginx.errorLog}`);
      void stop(1);
    }
  });
  say(`nginx: ${running.nginx.prefix} (the certificate is self-signed: ${running.certificate})`);
  say(
    setupLink({
      ...process.env,
      ...env,
      TONGBAN_DATA_DIR: dataDir,
      TONGBAN_PUBLIC_URL: running.url,
      TONGBAN_DATABASE_URL: databaseUrl,
      TONGBAN_REDIS_URL: redisUrl,
    }),
  );
  process.stdout.write(
    `\n  同办 Tongban cluster (${count} instances) is running at ${running.url}\n  Ctrl-C stops it.\n\n`,
  );
}

await main();
