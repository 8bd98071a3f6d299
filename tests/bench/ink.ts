// Ink benchmark (issue #5): Tongban's collab server in its own process on loopback, headless providers spread over
// client processes. (1) Participants draw on one page of a material's shared ink layer, each a pen stroke of ~200
// points every 2 s: stroke propagation latency to every other participant, until the stroke is decoded and ready to
// paint. (2) A page holding 5,000 strokes: the time for a fresh provider to connect, sync and build the page's stroke
// list (every stroke's points decoded), first with the document cold on the server (loaded from SQLite), then warm.
// Prints a table and, last, one JSON line {"stroke_p99_ms":…, "load_5000_ms":…}.
//   npx tsx tests/bench/ink.ts [--participants=30] [--seconds=30] [--period-ms=2000] [--points=200]
//                              [--load-strokes=5000] [--warm-loads=5] [--quick] [--priority=N] [--cpu-prof=DIR]
// --priority=N runs every benchmark process at nice N (negative needs root): on a shared machine, so that other work
// does not drown the measurement. Send times travel inside the stroke ids as wall-clock time, which every process on
// this machine shares.
import os from 'node:os';
import path from 'node:path';
import { Child, priorityOption } from './benchProcess.ts';
import { LatencyHistogram, wallMs } from './collabBenchProtocol.ts';
import type { DrawReport, FromClient, FromServer, LoadResult, ToClient, ToServer } from './inkBenchProtocol.ts';

const CLIENT_PROCESSES = 2;
const START_DELAY_MS = 1_500;
const DRAIN_TIMEOUT_MS = 15_000;
const TARGET_P99_MS = 100;

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const raw = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const quick = args.includes('--quick');
const participants = option('participants', 30);
const durationMs = option('seconds', quick ? 12 : 30) * 1000;
const periodMs = option('period-ms', 2000);
const points = option('points', 200);
const loadStrokes = option('load-strokes', 5000);
const warmLoads = option('warm-loads', quick ? 3 : 5);
const warmupMs = Math.min(4_000, durationMs / 4);
const priority = priorityOption(args);
const cpuProfDir = args.find((a) => a.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length);

type ServerChild = Child<ToServer, FromServer>;
type ClientChild = Child<ToClient, FromClient>;

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

interface DrawResult {
  sent: number;
  expected: number;
  observed: number;
  refused: number;
  perDelivery: LatencyHistogram;
  allReceivers: LatencyHistogram;
  serverCpuPct: number;
  serverLoopP99Ms: number;
  serverLoopMaxMs: number;
  serverGcMaxMs: number;
  beforeSync: LatencyHistogram;
  clientCpuPct: number;
  lateTicks: number;
}

async function drawPhase(
  server: ServerChild,
  clients: ClientChild[],
  url: string,
  draw: Extract<FromServer, { type: 'prepared' }>['draw'],
): Promise<DrawResult> {
  await Promise.all(
    clients.map((c, i) =>
      c.request({ type: 'connect', url, providers: draw.filter((p) => p.gid % clients.length === i) }, 'connected'),
    ),
  );
  const startAtMs = wallMs() + START_DELAY_MS;
  const epochMs = startAtMs - START_DELAY_MS;
  const drawn = Promise.all(
    clients.map((c) =>
      c.request(
        { type: 'draw', startAtMs, durationMs, warmupMs, periodMs, points, epochMs },
        'drawn',
        durationMs + 120_000,
      ),
    ),
  );
  await new Promise((r) => setTimeout(r, Math.max(0, startAtMs - wallMs())));
  const before = (await server.request({ type: 'stats', reset: true }, 'stats')).stats;
  const done = await drawn;
  const after = (await server.request({ type: 'stats', reset: false }, 'stats')).stats;
  const sent = done.flatMap((d) => d.sent);
  const reports: DrawReport[] = (
    await Promise.all(
      clients.map((c) =>
        c.request({ type: 'drain', sent, timeoutMs: DRAIN_TIMEOUT_MS }, 'report', DRAIN_TIMEOUT_MS + 60_000),
      ),
    )
  ).map((r) => r.report);
  const result: DrawResult = {
    sent: sent.reduce((n, [, c]) => n + c, 0),
    expected: 0,
    observed: 0,
    refused: 0,
    perDelivery: new LatencyHistogram(),
    allReceivers: new LatencyHistogram(),
    serverCpuPct: (100 * (after.cpuUs - before.cpuUs)) / 1000 / (after.atMs - before.atMs),
    serverLoopP99Ms: after.loopDelayP99Ms,
    serverLoopMaxMs: after.loopDelayMaxMs,
    serverGcMaxMs: after.gcMaxMs,
    beforeSync: LatencyHistogram.from(after.beforeSync),
    clientCpuPct: 0,
    lateTicks: done.reduce((n, d) => n + d.lateTicks, 0),
  };
  const perStroke = new Map<string, [number, number]>();
  for (const r of reports) {
    result.perDelivery.merge(r.histogram);
    result.expected += r.expected;
    result.observed += r.observed;
    result.refused += r.refused;
    result.clientCpuPct += (100 * r.cpuUs) / 1000 / durationMs;
    for (const [id, n, max] of r.perStroke) {
      const e = perStroke.get(id);
      if (e) {
        e[0] += n;
        e[1] = Math.max(e[1], max);
      } else perStroke.set(id, [n, max]);
    }
  }
  for (const [n, max] of perStroke.values()) if (n === participants - 1) result.allReceivers.add(max);
  await Promise.all(clients.map((c) => c.request({ type: 'disconnect' }, 'disconnected')));
  return result;
}

async function loadPhase(
  server: ServerChild,
  client: ClientChild,
  url: string,
  documentId: string,
  page: string,
): Promise<{ cold: LoadResult; warm: LoadResult[] }> {
  const { documentName, tokens } = await server.request({ type: 'tokens', documentId, count: warmLoads + 1 }, 'tokens');
  // The first tablet finds the document unloaded (read from SQLite) and stays, as the room's tablets would.
  const cold = (
    await client.request({ type: 'load', url, documentName, token: tokens[0]!, page, keep: true }, 'loaded')
  ).result;
  const warm: LoadResult[] = [];
  for (const token of tokens.slice(1))
    warm.push((await client.request({ type: 'load', url, documentName, token, page, keep: false }, 'loaded')).result);
  await client.request({ type: 'disconnect' }, 'disconnected');
  return { cold, warm };
}

async function main(): Promise<void> {
  const started = wallMs();
  process.stdout.write(
    `ink benchmark: ${participants} participants on one page, a ${points}-point pen stroke each every ${periodMs / 1000} s for ${durationMs / 1000} s (first ${warmupMs / 1000} s not measured); ` +
      `load of a page with ${loadStrokes} strokes; ${os.cpus().length} CPUs, load ${os.loadavg().map(f2).join(' ')}${priority === null ? '' : `; processes at nice ${priority}`}\n`,
  );
  const profile = cpuProfDir
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfDir)}`, '--cpu-prof-name=ink-server.cpuprofile']
    : [];
  const server: ServerChild = new Child<ToServer, FromServer>(
    'ink server',
    'inkServerWorker.ts',
    [],
    profile,
    priority,
  );
  const clients: ClientChild[] = Array.from(
    { length: CLIENT_PROCESSES },
    (_, i) => new Child<ToClient, FromClient>(`client ${i + 1}`, 'inkClientWorker.ts', [], [], priority),
  );
  try {
    const [ready] = await Promise.all([server.next('ready'), ...clients.map((c) => c.next('ready'))]);
    const prepared = await server.request({ type: 'prepare', participants, loadStrokes, points }, 'prepared', 600_000);
    process.stdout.write(
      `server pid ${ready.pid} ${ready.url}; clients pid ${clients.map((c) => c.pid).join(', ')}; ` +
        `page of ${prepared.load.strokes} strokes preloaded in ${f1(prepared.load.preloadMs / 1000)} s (${f1(prepared.load.bytes / 1048576)} MiB as one update)\n`,
    );

    const d = await drawPhase(server, clients, ready.url, prepared.draw);
    const l = await loadPhase(server, clients[0]!, ready.url, prepared.load.documentId, prepared.load.page);
    const warmTotals = l.warm.map((w) => w.totalMs);

    process.stdout.write(
      `\nstroke propagation (delivery = stroke x other participant, until integrated and decoded; "all" = until every other participant has it)\n`,
    );
    process.stdout.write(
      `${table(
        [
          'participants',
          'strokes',
          'deliveries',
          'lost',
          'refused',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'max ms',
          'all p50',
          'all p99',
          'srv checks+log p99',
          'srv CPU%',
          'srv loop p99',
          'srv loop max',
          'srv GC max',
          'cli CPU%',
          'late ticks',
        ],
        [
          [
            String(participants),
            String(d.sent),
            String(d.expected),
            String(d.expected - d.observed),
            String(d.refused),
            f2(d.perDelivery.quantile(0.5)),
            f2(d.perDelivery.quantile(0.95)),
            f2(d.perDelivery.quantile(0.99)),
            f1(d.perDelivery.maxMs),
            f2(d.allReceivers.quantile(0.5)),
            f2(d.allReceivers.quantile(0.99)),
            f2(d.beforeSync.quantile(0.99)),
            f1(d.serverCpuPct),
            f1(d.serverLoopP99Ms),
            f1(d.serverLoopMaxMs),
            f1(d.serverGcMaxMs),
            f1(d.clientCpuPct),
            String(d.lateTicks),
          ],
        ],
      )}\n`,
    );
    process.stdout.write(
      `\nloading a page of ${loadStrokes} strokes (connect + sync + list and decode the page's strokes)\n`,
    );
    process.stdout.write(
      `${table(
        ['load', 'total ms', 'sync ms', 'build ms', 'strokes'],
        [
          ['cold (from SQLite)', f1(l.cold.totalMs), f1(l.cold.syncMs), f1(l.cold.buildMs), String(l.cold.strokes)],
          ...l.warm.map((w, i) => [`warm #${i + 1}`, f1(w.totalMs), f1(w.syncMs), f1(w.buildMs), String(w.strokes)]),
        ],
      )}\n`,
    );
    process.stdout.write(
      `\ntotal ${f1((wallMs() - started) / 1000)} s; target stroke p99 < ${TARGET_P99_MS} ms: ${d.perDelivery.quantile(0.99) < TARGET_P99_MS ? 'met' : 'MISSED'}\n`,
    );
    const round2 = (n: number) => Math.round(n * 100) / 100;
    if (d.expected !== d.observed || d.refused > 0 || l.cold.strokes !== loadStrokes) process.exitCode = 1;
    process.stdout.write(
      `${JSON.stringify({
        stroke_p50_ms: round2(d.perDelivery.quantile(0.5)),
        stroke_p99_ms: round2(d.perDelivery.quantile(0.99)),
        stroke_all_p99_ms: round2(d.allReceivers.quantile(0.99)),
        lost_strokes: d.expected - d.observed,
        load_5000_ms: round2(l.cold.totalMs),
        load_5000_warm_ms: round2(median(warmTotals)),
      })}\n`,
    );
  } finally {
    await Promise.all([...clients.map((c) => c.stop({ type: 'exit' })), server.stop({ type: 'exit' })]);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
