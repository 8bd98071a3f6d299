// Collab benchmark: Tongban's collab server (all extensions, durable SQLite log) against a bare Hocuspocus 4 server,
// each in its own process on loopback, driven alternately with the same loads from headless providers spread over two
// client processes. Prints a table and, last, the meeting load's summary as one JSON line.
//   npx tsx tests/bench/collab.ts [--quick] [--only=meeting|many-documents|saturation] [--rounds=N] [--seconds=N]
//                                 [--cpu-prof=DIR]   (profile both server children with node --cpu-prof)
//                                 [--trace-hooks]    (the Tongban server prints hook and storage timings per phase)
//                                 [--priority=N]     (run every benchmark process at nice N; negative needs root — on a
//                                                     shared machine, so that other work does not drown the measurement)
// Latency is measured per delivery (an edit at one provider, integrated by one other provider of the document) and,
// for each edit, until the last of those providers has it ("all"). Send times travel inside the edit markers as
// wall-clock time (performance.timeOrigin + performance.now()), which every process on this machine shares.
import os from 'node:os';
import path from 'node:path';
import { Child, priorityOption } from './benchProcess.ts';
import {
  LatencyHistogram,
  LOADS,
  wallMs,
  type ClientReport,
  type FromClient,
  type FromServer,
  type LoadName,
  type LoadSpec,
  type ProcessStats,
  type ProviderSpec,
  type SentCount,
  type ServerKind,
  type ToClient,
  type ToServer,
} from './collabBenchProtocol.ts';

const CLIENT_PROCESSES = 2;
const CONNECT_CONCURRENCY = 20;
const WARMUP_MS = 2_000;
const START_DELAY_MS = 1_000;
const DRAIN_TIMEOUT_MS = 15_000;
const IPC_TIMEOUT_MS = 180_000;

// ---------------------------------------------------------------------------------------------------------------
// Options

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick');
const only = option('only') as LoadName | undefined;
if (only && !(only in LOADS)) throw new Error(`--only must be one of ${Object.keys(LOADS).join(', ')}`);
const loads: LoadSpec[] = only
  ? [LOADS[only]]
  : quick
    ? [LOADS.meeting]
    : [LOADS.meeting, LOADS['many-documents'], LOADS.saturation];
const rounds = Number(option('rounds') ?? (quick ? 1 : 2));
const durationMs = Number(option('seconds') ?? (quick ? 20 : 30)) * 1000;
const cpuProfDir = option('cpu-prof');
const traceHooks = args.includes('--trace-hooks');
const priority = priorityOption(args);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10) throw new Error('--rounds must be 1..10');
if (!Number.isFinite(durationMs) || durationMs < 5_000 || durationMs > 300_000)
  throw new Error('--seconds must be 5..300');

// ---------------------------------------------------------------------------------------------------------------
// Child processes with a typed request/response channel

type ServerChild = Child<ToServer, FromServer>;
type ClientChild = Child<ToClient, FromClient>;

// ---------------------------------------------------------------------------------------------------------------
// One phase: one load against one server

interface PhaseResult {
  load: LoadName;
  server: ServerKind;
  round: number;
  sent: number;
  expected: number;
  observed: number;
  lost: number;
  duplicates: number;
  disconnects: number;
  perDelivery: LatencyHistogram;
  allReceivers: LatencyHistogram;
  serverCpuMs: number;
  windowMs: number;
  peakRssBytes: number;
  loopDelayP99Ms: number;
  clientCpuMs: number;
  lateTicks: number;
  load1: number;
  error: string | null;
}

function emptyResult(load: LoadName, server: ServerKind, round: number): PhaseResult {
  return {
    load,
    server,
    round,
    sent: 0,
    expected: 0,
    observed: 0,
    lost: 0,
    duplicates: 0,
    disconnects: 0,
    perDelivery: new LatencyHistogram(),
    allReceivers: new LatencyHistogram(),
    serverCpuMs: 0,
    windowMs: 0,
    peakRssBytes: 0,
    loopDelayP99Ms: 0,
    clientCpuMs: 0,
    lateTicks: 0,
    load1: os.loadavg()[0]!,
    error: null,
  };
}

function cpuMs(a: ProcessStats, b: ProcessStats): number {
  return (b.cpuUserUs + b.cpuSystemUs - a.cpuUserUs - a.cpuSystemUs) / 1000;
}

function waitUntil(atMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, atMs - wallMs())));
}

async function runPhase(
  kind: ServerKind,
  server: ServerChild,
  clients: ClientChild[],
  load: LoadSpec,
  round: number,
): Promise<PhaseResult> {
  const result = emptyResult(load.name, kind, round);
  const phase = `${load.name}-r${round}`;
  const { url, documents } = await server.request(
    { type: 'prepare', phase, documents: load.documents, providersPerDocument: load.providersPerDocument },
    'prepared',
  );

  // Provider i goes to client i % 2, so typers and watchers of every document are spread over both processes.
  const specs: ProviderSpec[][] = clients.map(() => []);
  const typersPerDocument: Record<number, number> = {};
  let gid = 0;
  documents.forEach((d, document) => {
    typersPerDocument[document] = load.typersPerDocument;
    d.tokens.forEach((token, p) => {
      specs[gid % clients.length]!.push({
        gid,
        document,
        url,
        documentName: d.documentName,
        token,
        typer: p < load.typersPerDocument,
      });
      gid++;
    });
  });

  try {
    const connected = await Promise.all(
      clients.map((c, i) =>
        c.request(
          { type: 'connect', providers: specs[i]!, typersPerDocument, concurrency: CONNECT_CONCURRENCY },
          'connected',
        ),
      ),
    );
    const failed = connected.reduce((n, c) => n + c.failed, 0);
    if (failed > 0)
      throw new Error(`${failed} providers failed to connect: ${connected.find((c) => c.firstError)?.firstError}`);

    const startAtMs = wallMs() + START_DELAY_MS;
    const epochMs = startAtMs - START_DELAY_MS;
    const typed = Promise.all(
      clients.map((c) =>
        c.request(
          { type: 'type', startAtMs, durationMs, warmupMs: WARMUP_MS, editsPerSecond: load.editsPerSecond, epochMs },
          'typed',
          durationMs + IPC_TIMEOUT_MS,
        ),
      ),
    );
    await waitUntil(startAtMs);
    const before = (await server.request({ type: 'stats', resetPeak: true }, 'stats')).stats;
    const done = await typed;
    const after = (await server.request({ type: 'stats', resetPeak: false }, 'stats')).stats;
    result.serverCpuMs = cpuMs(before, after);
    result.windowMs = after.atMs - before.atMs;
    result.peakRssBytes = after.peakRssBytes;
    result.loopDelayP99Ms = after.loopDelayP99Ms;
    result.lateTicks = done.reduce((n, d) => n + d.lateTicks, 0);

    const sent: SentCount[] = done.flatMap((d) => d.sent);
    result.sent = sent.reduce((n, s) => n + s.count, 0);
    const reports: ClientReport[] = (
      await Promise.all(
        clients.map((c) =>
          c.request(
            { type: 'drain', sent, providersPerDocument: load.providersPerDocument, timeoutMs: DRAIN_TIMEOUT_MS },
            'report',
            DRAIN_TIMEOUT_MS + IPC_TIMEOUT_MS,
          ),
        ),
      )
    ).map((r) => r.report);
    const perEdit = new Map<string, [number, number]>();
    for (const r of reports) {
      result.perDelivery.merge(r.histogram);
      result.expected += r.expected;
      result.observed += r.observed;
      result.duplicates += r.duplicates;
      result.disconnects += r.disconnects;
      result.clientCpuMs += r.cpuUs / 1000;
      for (const [key, count, max] of r.perEdit) {
        const e = perEdit.get(key);
        if (e) {
          e[0] += count;
          e[1] = Math.max(e[1], max);
        } else perEdit.set(key, [count, max]);
      }
    }
    result.lost = result.expected - result.observed;
    for (const [count, max] of perEdit.values())
      if (count === load.providersPerDocument - 1) result.allReceivers.add(max);
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  }
  // A phase that failed must not take the next ones with it: tear down what is left (main stops if a process died).
  try {
    await Promise.all(clients.map((c) => c.request({ type: 'disconnect' }, 'disconnected')));
    const settled = await server.request({ type: 'settle' }, 'settled');
    if (settled.openDocuments > 0)
      process.stderr.write(`${kind}: ${settled.openDocuments} documents still open after the phase\n`);
  } catch (err) {
    result.error ??= `teardown: ${err instanceof Error ? err.message : String(err)}`;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function merge(results: PhaseResult[]): PhaseResult {
  const m = emptyResult(results[0]!.load, results[0]!.server, 0);
  m.load1 = Math.max(...results.map((r) => r.load1));
  for (const r of results) {
    m.sent += r.sent;
    m.expected += r.expected;
    m.observed += r.observed;
    m.lost += r.lost;
    m.duplicates += r.duplicates;
    m.disconnects += r.disconnects;
    m.perDelivery.merge(r.perDelivery.toData());
    m.allReceivers.merge(r.allReceivers.toData());
    m.serverCpuMs += r.serverCpuMs;
    m.windowMs += r.windowMs;
    m.peakRssBytes = Math.max(m.peakRssBytes, r.peakRssBytes);
    m.loopDelayP99Ms = Math.max(m.loopDelayP99Ms, r.loopDelayP99Ms);
    m.clientCpuMs += r.clientCpuMs;
    m.lateTicks += r.lateTicks;
    m.error ??= r.error;
  }
  return m;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
const cpuPct = (r: PhaseResult) => (r.windowMs > 0 ? (100 * r.serverCpuMs) / r.windowMs : Number.NaN);
const clientPct = (r: PhaseResult) => (r.windowMs > 0 ? (100 * r.clientCpuMs) / r.windowMs : Number.NaN);

function table(rows: PhaseResult[]): string {
  const header = [
    'load',
    'server',
    'round',
    'edits',
    'deliveries',
    'lost',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'all p95',
    'all p99',
    'srv CPU%',
    'srv RSS MB',
    'srv loop p99',
    'cli CPU%',
    'late',
    'disc',
    'load1',
  ];
  const lines = rows.map((r) =>
    [
      r.load,
      r.server,
      r.round === 0 ? 'all' : String(r.round),
      String(r.sent),
      String(r.expected),
      String(r.lost),
      f2(r.perDelivery.quantile(0.5)),
      f2(r.perDelivery.quantile(0.95)),
      f2(r.perDelivery.quantile(0.99)),
      f1(r.perDelivery.maxMs),
      f2(r.allReceivers.quantile(0.95)),
      f2(r.allReceivers.quantile(0.99)),
      f1(cpuPct(r)),
      f1(r.peakRssBytes / 1048576),
      f1(r.loopDelayP99Ms),
      f1(clientPct(r)),
      String(r.lateTicks),
      String(r.disconnects),
      f2(r.load1),
    ].concat(r.error ? [`ERROR: ${r.error}`] : []),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const started = wallMs();
  process.stdout.write(
    `collab benchmark: ${quick ? 'quick' : 'full'}; loads ${loads.map((l) => l.name).join(', ')}; ${rounds} round(s) of ${durationMs / 1000} s per load per server; ` +
      `${os.cpus().length} CPUs, load ${os.loadavg().map(f2).join(' ')}${priority === null ? '' : `; processes at nice ${priority}`}\n`,
  );
  const profArgv = (kind: ServerKind) =>
    cpuProfDir
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfDir)}`, `--cpu-prof-name=${kind}.cpuprofile`]
      : [];
  const servers: Record<ServerKind, ServerChild> = {
    tongban: new Child<ToServer, FromServer>(
      'tongban server',
      'collabServerWorker.ts',
      ['tongban', ...(traceHooks ? ['--trace-hooks'] : [])],
      profArgv('tongban'),
      priority,
    ),
    bare: new Child<ToServer, FromServer>(
      'bare server',
      'collabServerWorker.ts',
      ['bare', ...(traceHooks ? ['--trace-hooks'] : [])],
      profArgv('bare'),
      priority,
    ),
  };
  const clients: ClientChild[] = Array.from(
    { length: CLIENT_PROCESSES },
    (_, i) => new Child<ToClient, FromClient>(`client ${i + 1}`, 'collabClientWorker.ts', [], [], priority),
  );
  const results: PhaseResult[] = [];
  try {
    const ready = await Promise.all([
      servers.tongban.next('ready'),
      servers.bare.next('ready'),
      ...clients.map((c) => c.next('ready')),
    ]);
    process.stdout.write(
      `servers: tongban pid ${ready[0].pid} ${ready[0].url}, bare pid ${ready[1].pid} ${ready[1].url}; clients pid ${clients.map((c) => c.pid).join(', ')}\n`,
    );
    phases: for (let round = 1; round <= rounds; round++) {
      for (const load of loads) {
        for (const kind of ['tongban', 'bare'] as const) {
          const r = await runPhase(kind, servers[kind], clients, load, round);
          results.push(r);
          process.stdout.write(
            `  ${load.name} ${kind} round ${round}: ${r.error ? `ERROR ${r.error}` : `p50 ${f2(r.perDelivery.quantile(0.5))} p95 ${f2(r.perDelivery.quantile(0.95))} p99 ${f2(r.perDelivery.quantile(0.99))} ms, lost ${r.lost}, server ${f1(cpuPct(r))}% CPU`}\n`,
          );
          const dead = [servers.tongban, servers.bare, ...clients].filter((c) => !c.alive);
          if (dead.length > 0) {
            process.stderr.write(`stopping early: ${dead.map((c) => c.name).join(', ')} exited\n`);
            break phases;
          }
        }
      }
    }
  } finally {
    await Promise.all([
      ...clients.map((c) => c.stop({ type: 'exit' })),
      servers.tongban.stop({ type: 'exit' }),
      servers.bare.stop({ type: 'exit' }),
    ]);
  }

  const merged: PhaseResult[] = [];
  for (const load of loads)
    for (const kind of ['tongban', 'bare'] as const) {
      const rs = results.filter((r) => r.load === load.name && r.server === kind);
      if (rs.length > 0) merged.push(merge(rs));
    }
  process.stdout.write(
    `\nper round (deliveries = edit x other provider of its document; latency per delivery; "all" = until every other provider has the edit)\n`,
  );
  process.stdout.write(`${table(results)}\n\nrounds merged\n${table(merged)}\n`);
  process.stdout.write(`\ntotal ${f1((wallMs() - started) / 1000)} s\n`);

  const tongban = merged.find((r) => r.load === 'meeting' && r.server === 'tongban');
  const bare = merged.find((r) => r.load === 'meeting' && r.server === 'bare');
  if (!tongban || !bare) return;
  const p95 = tongban.perDelivery.quantile(0.95);
  const baseP95 = bare.perDelivery.quantile(0.95);
  const round2 = (n: number) => Math.round(n * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({
      p95_ms: round2(p95),
      baseline_p95_ms: round2(baseP95),
      p99_ms: round2(tongban.perDelivery.quantile(0.99)),
      baseline_p99_ms: round2(bare.perDelivery.quantile(0.99)),
      ratio: round2(p95 / baseP95),
      lost_updates: tongban.lost,
      server_cpu_pct: round2(cpuPct(tongban)),
      baseline_server_cpu_pct: round2(cpuPct(bare)),
    })}\n`,
  );
  if (results.some((r) => r.error)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
