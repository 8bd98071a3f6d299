// A collab server for the benchmark, alone in its own process so that its CPU and memory can be measured:
//   tongban — the real app (buildApp: all collab extensions, durable SQLite log) on a temp data dir, demo users
//             signed in through the API, documents created and shared through the API, a real token per provider;
//   bare    — a bare Hocuspocus 4 Server: no extensions, in-memory documents.
// Driven over IPC by tests/bench/collab.ts:  node --import tsx tests/bench/collabServerWorker.ts tongban|bare
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from '@hocuspocus/server';
import type { Hocuspocus } from '@hocuspocus/server';
import {
  LatencyHistogram,
  type FromServer,
  type PreparedDocument,
  type ProcessStats,
  type ServerKind,
  type ToServer,
} from './collabBenchProtocol.ts';

const kind = process.argv[2] as ServerKind;
if (kind !== 'tongban' && kind !== 'bare') throw new Error('usage: collabServerWorker.ts tongban|bare [--trace-hooks]');
const traceHooks = process.argv.includes('--trace-hooks');

/** Sign-in accounts of the demo organisation that need no second factor; the first owns the benchmark documents. */
const EDITORS = ['zhangwei', 'hejun', 'matao', 'xuyan', 'zhengkai', 'sunyue', 'wuli'];
const SETTLE_TIMEOUT_MS = 20_000;

function send(message: FromServer): void {
  process.send?.(message);
}

interface BenchServer {
  url: string;
  hocuspocus: Hocuspocus;
  prepare(phase: string, documents: number, providersPerDocument: number): Promise<PreparedDocument[]>;
  close(): Promise<void>;
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
  const { TestClient } = await import('../support/testApp.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-'));
  const app = await buildApp({
    config: { dataDir, publicUrl: 'http://127.0.0.1:3000', host: '127.0.0.1' },
    serveClient: false,
    logger: false,
  });
  await app.ready();
  await seedDemoOrganisation(app.svc);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const users = await app.svc.db.user.findMany({
    where: { username: { in: EDITORS } },
    select: { id: true, username: true },
  });
  const idOf = new Map(users.map((u) => [u.username, u.id]));
  const clients: Array<InstanceType<typeof TestClient>> = [];
  for (const username of EDITORS) {
    const client = new TestClient(app);
    const res = await client.signIn(username);
    const stage = (res.json() as { stage?: string }).stage;
    if (res.statusCode !== 200 || stage !== 'active')
      throw new Error(`sign-in of ${username} did not complete: ${res.statusCode} ${res.body}`);
    clients.push(client);
  }
  const owner = clients[0]!;
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
    url: `ws://127.0.0.1:${port}/collab`,
    hocuspocus: app.svc.collab.hocuspocus,
    async prepare(phase, documents, providersPerDocument) {
      const prepared: PreparedDocument[] = [];
      for (let d = 0; d < documents; d++) {
        const created = await owner.post('/api/documents', { kind: 'draft', title: `基准测试 ${phase} #${d + 1}` });
        if (created.statusCode !== 201) throw new Error(`document not created: ${created.statusCode} ${created.body}`);
        const id = (created.json() as { id: string }).id;
        const shares = EDITORS.slice(1).map((u) => ({ granteeType: 'user', granteeId: idOf.get(u)!, access: 'edit' }));
        const shared = await owner.put(`/api/documents/${id}/shares`, { shares });
        if (shared.statusCode !== 200) throw new Error(`shares not set: ${shared.statusCode} ${shared.body}`);
        const tokens: string[] = [];
        let documentName = '';
        for (let p = 0; p < providersPerDocument; p++) {
          const res = await clients[p % clients.length]!.post(`/api/documents/${id}/collab-token`);
          if (res.statusCode !== 200) throw new Error(`collab token refused: ${res.statusCode} ${res.body}`);
          const body = res.json() as { token: string; documentName: string; access: string };
          if (body.access !== 'edit' && body.access !== 'manage')
            throw new Error(`expected edit access, got ${body.access}`);
          tokens.push(body.token);
          documentName = body.documentName;
        }
        prepared.push({ documentName, tokens });
      }
      return prepared;
    },
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
        tokens: Array.from({ length: providersPerDocument }, () => 'bare'),
      }));
    },
    async close() {
      await server.destroy();
    },
  };
}

let peakRss = process.memoryUsage.rss();
const rssSampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 1000);
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();

function stats(reset: boolean): ProcessStats {
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
  };
  if (reset) {
    peakRss = rss;
    loopDelay.reset();
  }
  return result;
}

/** Resolves once no document is loaded any more (unloading stores and compacts on the Tongban server), or on timeout. */
async function settle(hocuspocus: Hocuspocus): Promise<number> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline && (hocuspocus.documents.size > 0 || hocuspocus.unloadingDocuments.size > 0)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return hocuspocus.documents.size;
}

async function main(): Promise<void> {
  const server = kind === 'tongban' ? await startTongban() : await startBare();
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
            url: server.url,
            documents: await server.prepare(raw.phase, raw.documents, raw.providersPerDocument),
          });
          return;
        case 'stats':
          // The V8 CPU profile counts time on the same monotonic clock, so these marks slice it to the typing window.
          if (traceHooks)
            process.stderr.write(
              `window ${raw.resetPeak ? 'start' : 'end'} monotonic_us=${process.hrtime.bigint() / 1000n}\n`,
            );
          send({ type: 'stats', stats: stats(raw.resetPeak) });
          return;
        case 'settle':
          send({ type: 'settled', openDocuments: await settle(server.hocuspocus) });
          printTraces();
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
  send({ type: 'ready', kind, pid: process.pid, url: server.url });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
