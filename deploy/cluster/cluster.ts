// Several Tongban instances behind nginx on one machine (`npm run cluster`, and the cluster test): the instances on
// loopback ports against one PostgreSQL and one Redis, sharing one data directory (the rest of the data is still the
// SQLite file there, and uploaded files are), each with its own mediasoup ports; nginx under <dataDir>/nginx with a
// local certificate; and the readiness watch that takes an instance out of nginx when its /readyz fails.
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { bodyLimitMb } from '../nginx/nginxConfig.ts';
import { loadConfig } from '../../server/config.ts';
import { ensureLocalCertificate } from './certificate.ts';
import { InstanceProcess } from './instanceProcess.ts';
import { NginxProcess } from './nginxProcess.ts';
import { DEFAULT_WATCH, ReadinessWatch, type ReadinessWatchOptions } from './readinessWatch.ts';

export interface ClusterOptions {
  dataDir: string;
  /** nginx's TLS port on this machine. */
  httpsPort: number;
  /** One loopback port per instance. */
  instancePorts: readonly number[];
  /** One mediasoup WebRtcServer port per instance (each worker i of an instance takes port + i). */
  mediaPorts: readonly number[];
  databaseUrl: string;
  redisUrl: string;
  redisPrefix?: string;
  /** Added to every instance's environment (over this process's), e.g. TONGBAN_DEMO. */
  env?: Record<string, string>;
  entry?: 'start' | 'server';
  /** X-Tongban-Upstream on every response (default on: this is for trying a cluster out). */
  revealUpstream?: boolean;
  watch?: Partial<ReadinessWatchOptions>;
  /** The first instance may build the web client (entry `start`): it gets this long. */
  firstStartTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface Cluster {
  /** https://localhost:<port> */
  url: string;
  /** The certificate nginx serves (self-signed): what a client given it as its CA trusts. */
  certificate: string;
  instances: readonly InstanceProcess[];
  nginx: NginxProcess;
  watch: ReadinessWatch;
  /** Resolves the next time the watch has taken an instance out or back and nginx has reloaded. */
  nextHealthChange(): Promise<ReadonlySet<number>>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 90_000;

/** The environment of instance `i` (0-based): what makes it one of the cluster. */
function instanceEnv(options: ClusterOptions, publicUrl: string, i: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TONGBAN_LOG_FORMAT: 'json',
    // One worker each by default: N instances on one machine would otherwise start N × cores workers.
    TONGBAN_MEDIA_WORKERS: process.env.TONGBAN_MEDIA_WORKERS || '1',
    ...options.env,
    TONGBAN_DATA_DIR: options.dataDir,
    TONGBAN_PUBLIC_URL: publicUrl,
    // nginx replaces X-Forwarded-For with the client's address; the instances listen on loopback only.
    TONGBAN_TRUST_PROXY: '1',
    TONGBAN_DATABASE_URL: options.databaseUrl,
    TONGBAN_REDIS_URL: options.redisUrl,
    TONGBAN_MEDIA_PORT: String(options.mediaPorts[i]),
  };
  if (options.redisPrefix) env.TONGBAN_REDIS_PREFIX = options.redisPrefix;
  // They share the data directory: one scheduled backup of it is enough.
  if (i > 0) env.TONGBAN_BACKUP_AT = 'off';
  return env;
}

/** The configuration an instance with this environment loads: checked once here, and the source of nginx's limits. */
function configOf(env: NodeJS.ProcessEnv): ReturnType<typeof loadConfig> {
  const own = process.env;
  process.env = env;
  try {
    return loadConfig();
  } finally {
    process.env = own;
  }
}

/** GET over TLS trusting `ca`; the status and headers. */
export function httpsGet(
  url: string,
  ca: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    // A connection of its own: a kept-alive one could be an old nginx worker's after a reload.
    const req = https.get(url, { ca, headers, timeout: 5_000, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url}`)));
    req.on('error', reject);
  });
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const count = options.instancePorts.length;
  if (count < 1 || options.mediaPorts.length !== count) throw new Error('one instance port and media port each');
  const log = options.log ?? (() => {});
  const entry = options.entry ?? 'start';
  const prefix = path.join(options.dataDir, 'nginx');
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const publicUrl = options.env?.TONGBAN_PUBLIC_URL ?? process.env.TONGBAN_PUBLIC_URL ?? '';
  const url = publicUrl || `https://localhost:${options.httpsPort}`;
  const cert = ensureLocalCertificate(path.join(prefix, 'tls'));
  const ca = fs.readFileSync(cert.certificate, 'utf8');

  // A bad variable stops here, once, rather than in every instance.
  const limits = bodyLimitMb(configOf(instanceEnv(options, url, 0)));

  const instances: InstanceProcess[] = [];
  let nginx: NginxProcess | null = null;
  const stopAll = async () => {
    await nginx?.stop();
    await Promise.all(instances.map((i) => i.stop()));
  };
  const instanceOptions = (i: number) => ({
    index: i + 1,
    port: options.instancePorts[i]!,
    env: instanceEnv(options, url, i),
    entry,
    logFile: path.join(options.dataDir, 'logs', `instance-${i + 1}.log`),
  });
  const start = (i: number) => {
    const instance = InstanceProcess.start(instanceOptions(i));
    instances.push(instance);
    return instance;
  };
  for (let i = 0; i < count; i++) await InstanceProcess.stopLeftover(instanceOptions(i));
  try {
    // The first alone: it applies the migrations, makes the keys and (with TONGBAN_DEMO) the demo data, and may build
    // the web client; the others then find all of it in place.
    log(`starting instance 1 on ${options.instancePorts[0]}…`);
    await start(0).waitReady(options.firstStartTimeoutMs ?? START_TIMEOUT_MS);
    if (count > 1) log(`starting instances 2–${count}…`);
    await Promise.all(
      Array.from({ length: count - 1 }, (_, k) => start(k + 1)).map((i) => i.waitReady(START_TIMEOUT_MS)),
    );
    const userInfo = os.userInfo();
    nginx = await NginxProcess.start({
      prefix,
      port: options.httpsPort,
      listen: options.httpsPort,
      serverName: 'localhost',
      certificate: cert.certificate,
      certificateKey: cert.key,
      instances: instances.map((i) => ({ address: i.address })),
      bodyLimitMb: limits,
      revealUpstream: options.revealUpstream ?? true,
      // As root, nginx's workers would otherwise become nobody, who cannot read the prefix under the data directory.
      runAs: userInfo.uid === 0 ? { user: userInfo.username, group: 'root' } : null,
    });
    const ready = await httpsGet(`https://127.0.0.1:${options.httpsPort}/readyz`, ca, { host: 'localhost' });
    if (ready.status !== 200) throw new Error(`/readyz through nginx answered ${ready.status}: ${ready.body}`);
  } catch (err) {
    await stopAll();
    throw err;
  }
  const proxy = nginx;

  let changed: Array<(down: ReadonlySet<number>) => void> = [];
  const watch = new ReadinessWatch(
    instances.map((i) => ({ index: i.index, url: i.url })),
    { ...DEFAULT_WATCH, ...options.watch },
    async (down) => {
      log(
        down.size
          ? `readiness: instance ${[...down].join(', ')} out of nginx (its /readyz fails)`
          : 'readiness: every instance in nginx',
      );
      await proxy.reload(instances.map((i) => ({ address: i.address, down: down.has(i.index) })));
      const waiting = changed;
      changed = [];
      for (const resolve of waiting) resolve(down);
    },
    (err) => log(`readiness: could not reload nginx: ${err instanceof Error ? err.message : String(err)}`),
  );
  watch.start();

  return {
    url,
    certificate: cert.certificate,
    instances,
    nginx: proxy,
    watch,
    nextHealthChange: () => new Promise((resolve) => changed.push(resolve)),
    stop: async () => {
      await watch.stop();
      await stopAll();
    },
  };
}
