// A collab server for the benchmark, alone in its own process so that its CPU and memory can be measured:
//   tongban — the real app (buildApp: all collab extensions, durable log on SQLite, or PostgreSQL with --database-url)
//             on a temp data dir, demo users signed in over HTTP, documents created and shared through the API, a
//             real token per provider; with --tls it speaks HTTPS itself (TONGBAN_TLS_CERT/KEY: a self-signed
//             certificate made as `npm run cluster` makes nginx's), as one instance serves when nothing stands in front;
//   cluster — N instances behind nginx on PostgreSQL and Redis (collabClusterServer.ts), this process only their
//             driver: its stats carry the instances' and nginx's CPU;
//   bare    — a bare Hocuspocus 4 Server: no extensions, in-memory documents.
// Driven over IPC by tests/bench/collab.ts and cluster.ts:
//   node --import tsx tests/bench/collabServerWorker.ts tongban|bare|cluster [options, see the usage below]
import fs from 'node:fs';
import os from 'node:os';
import nodeTls from 'node:tls';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from '@hocuspocus/server';
import type { Hocuspocus } from '@hocuspocus/server';
import { ensureLocalCertificate } from '../../deploy/cluster/certificate.ts';
import type { BenchServer } from './collabBenchDocuments.ts';
import {
  LatencyHistogram,
  type FromServer,
  type ProcessStats,
  type ServerKind,
  type ToServer,
} from './collabBenchProtocol.ts';

const kind = process.argv[2] as ServerKind;
if (kind !== 'tongban' && kind !== 'bare' && kind !== 'cluster')
  throw new Error(
    'usage: collabServerWorker.ts tongban|bare|cluster [--trace-hooks] [--database-url=URL] [--tls] ' +
      '[--instances=N --redis-url=URL --redis-prefix=P]',
  );
const traceHooks = process.argv.includes('--trace-hooks');
const argument = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
/** PostgreSQL for the Tongban server (the cluster's is required); SQLite in a temp data dir without it. */
const databaseUrl = argument('database-url');
/** The Tongban server speaks TLS itself (tongban only). */
const tls = process.argv.includes('--tls');
const SETTLE_TIMEOUT_MS = 20_000;

function send(message: FromServer): void {
  process.send?.(message);
}

// --trace-hooks: wall time of every extension hook and storage call, printed after each phase (diagnosis only).
const traces = new Map<string, LatencyHistogram>();

function trace(target: object, methods: string[], label: string): void {
  const obj = target as Record<string, unknown>;
  for (const name of methods) {
    const original = obj[name];
    if (typeof original !== 'function') continue;
    obj[name] = function traced(this: unknown, ...params: unknown[]): unknown {
      const started = performance.now();
      const record = () => {
        const key = `${label}.${name}`;
        const h = traces.get(key) ?? new LatencyHistogram();
        h.add(performance.now() - started);
        traces.set(key, h);
      };
      const out: unknown = (original as (...a: unknown[]) => unknown).apply(this, params);
      if (out instanceof Promise) return out.finally(record);
      record();
      return out;
    };
  }
}

function printTraces(): void {
  if (traces.size === 0) return;
  const lines = [...traces.entries()].map(
    ([k, h]) =>
      `  ${k.padEnd(40)} n=${String(h.total).padStart(7)} mean=${h.mean().toFixed(3)} p50=${h.quantile(0.5).toFixed(2)} p99=${h.quantile(0.99).toFixed(2)} max=${h.maxMs.toFixed(1)} total=${h.sumMs.toFixed(0)}ms`,
  );
  process.stderr.write(`hook timings (ms):\n${lines.join('\n')}\n`);
  traces.clear();
}

async function startTongban(): Promise<BenchServer> {
  // Sign-ins of several benchmark users from one address must not trip the per-IP limit.
  process.env.TONGBAN_AUTH_RATE_LIMIT = '1000';
  const { buildApp } = await import('../../server/app.ts');
  const { seedDemoOrganisation } = await import('../../server/seed/demoOrganisation.ts');
  const { prepareDocuments, signInEditors, storedMarkerCounts } = await import('./collabBenchDocuments.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-'));
  const certificate = tls ? ensureLocalCertificate(path.join(dataDir, 'tls')) : null;
  if (certificate) {
    ca = fs.readFileSync(certificate.certificate, 'utf8');
    // This process's own sign-ins and document preparation (fetch) trust it too.
    nodeTls.setDefaultCACertificates([...nodeTls.getCACertificates('default'), ca]);
  }
  const app = await buildApp({
    config: {
      dataDir,
      publicUrl: `${certificate ? 'https' : 'http'}://127.0.0.1:3000`,
      host: '127.0.0.1',
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(certificate ? { tlsCert: certificate.certificate, tlsKey: certificate.key } : {}),
    },
    serveClient: false,
    logger: false,
  });
  await app.ready();
  await seedDemoOrganisation(app.svc);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const [web, socket] = certificate ? ['https', 'wss'] : ['http', 'ws'];
  const editors = await signInEditors(`${web}://127.0.0.1:${port}`);
  if (traceHooks) {
    for (const ext of app.svc.collab.hocuspocus.configuration.extensions) {
      trace(
        ext,
        [
          'onAuthenticate',
          'beforeSync',
          'onChange',
          'onStoreDocument',
          'onLoadDocument',
          'connected',
          'onDisconnect',
          'recheckAll',
        ],
        ext.extensionName ?? 'ext',
      );
    }
    trace(app.svc.collab.store, ['append', 'load', 'compact', 'tailLength'], 'DocumentStore');
  }

  return {
    url: `${socket}://127.0.0.1:${port}/collab`,
    hocuspocus: app.svc.collab.hocuspocus,
    prepare: (phase, documents, providersPerDocument) =>
      prepareDocuments(editors, `${socket}://127.0.0.1:${port}`, phase, documents, providersPerDocument),
    stored: (names) => storedMarkerCounts(names, (id) => app.svc.collab.store.load(id)),
    parts: () => [],
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startBare(): Promise<BenchServer> {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
  await server.listen();
  return {
    url: `ws://127.0.0.1:${server.address.port}`,
    hocuspocus: server.hocuspocus,
    async prepare(phase, documents, providersPerDocument) {
      return Array.from({ length: documents }, (_, d) => ({
        documentName: `bench-${phase}-${d}`,
        url: `ws://127.0.0.1:${server.address.port}`,
        tokens: Array.from({ length: providersPerDocument }, () => 'bare'),
      }));
    },
    stored: async () => null,
    parts: () => [],
    async close() {
      await server.destroy();
    },
  };
}

async function startCluster(): Promise<BenchServer> {
  const { startClusterServer } = await import('./collabClusterServer.ts');
  const [instances, redisUrl, redisPrefix] = [argument('instances'), argument('redis-url'), argument('redis-prefix')];
  if (!databaseUrl || !redisUrl || !redisPrefix || !instances)
    throw new Error('cluster needs --instances, --database-url, --redis-url and --redis-prefix');
  const server = await startClusterServer({ instances: Number(instances), databaseUrl, redisUrl, redisPrefix });
  ca = server.ca;
  return server;
}

/** The certificate the cluster's nginx (or a Tongban server with --tls) presents, for the orchestrator to hand to the clients. */
let ca: string | null = null;

let peakRss = process.memoryUsage.rss();
const rssSampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 1000);
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();

function stats(reset: boolean, parts: Array<[string, number]>): ProcessStats {
  const cpu = process.cpuUsage();
  const rss = process.memoryUsage.rss();
  const result = {
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    rssBytes: rss,
    peakRssBytes: Math.max(peakRss, rss),
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
    atMs: performance.timeOrigin + performance.now(),
    parts,
  };
  if (reset) {
    peakRss = rss;
    loopDelay.reset();
  }
  return result;
}

/** Resolves once no document is loaded any more (unloading stores and compacts on the Tongban server), or on timeout. */
async function settle(hocuspocus: Hocuspocus | null): Promise<number> {
  if (!hocuspocus) return 0;
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline && (hocuspocus.documents.size > 0 || hocuspocus.unloadingDocuments.size > 0)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return hocuspocus.documents.size;
}

async function main(): Promise<void> {
  const server =
    kind === 'tongban' ? await startTongban() : kind === 'cluster' ? await startCluster() : await startBare();
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    clearInterval(rssSampler);
    await server.close();
    if (process.connected) process.disconnect();
    process.exit(0);
  };
  process.on('disconnect', () => void shutdown());
  process.on('message', (raw: ToServer) => {
    const handle = async (): Promise<void> => {
      switch (raw.type) {
        case 'prepare':
          send({
            type: 'prepared',
            documents: await server.prepare(raw.phase, raw.documents, raw.providersPerDocument),
          });
          return;
        case 'stats':
          // The V8 CPU profile counts time on the same monotonic clock, so these marks slice it to the typing window.
          if (traceHooks)
            process.stderr.write(
              `window ${raw.resetPeak ? 'start' : 'end'} monotonic_us=${process.hrtime.bigint() / 1000n}\n`,
            );
          send({ type: 'stats', stats: stats(raw.resetPeak, server.parts()) });
          return;
        case 'settle':
          send({ type: 'settled', openDocuments: await settle(server.hocuspocus) });
          printTraces();
          return;
        case 'stored':
          send({ type: 'stored', counts: await server.stored(raw.documents) });
          return;
        case 'exit':
          await shutdown();
          return;
        default: {
          const unknown: never = raw;
          throw new Error(`unknown message ${JSON.stringify(unknown)}`);
        }
      }
    };
    handle().catch((err: unknown) =>
      send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  });
  send({ type: 'ready', kind, pid: process.pid, url: server.url, ca });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
