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
  LOADS,
  wallMs,
  type FromClient,
  type FromServer,
  type LoadName,
  type LoadSpec,
  type ToClient,
  type ToServer,
} from './collabBenchProtocol.ts';
import {
  cpuPct,
  f1,
  f2,
  mergeResults,
  runPhase,
  table,
  type ClientChild,
  type PhaseResult,
  type ServerChild,
} from './collabPhase.ts';

const CLIENT_PROCESSES = 2;

type BenchedKind = 'tongban' | 'bare';

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
// Main

async function main(): Promise<void> {
  const started = wallMs();
  process.stdout.write(
    `collab benchmark: ${quick ? 'quick' : 'full'}; loads ${loads.map((l) => l.name).join(', ')}; ${rounds} round(s) of ${durationMs / 1000} s per load per server; ` +
      `${os.cpus().length} CPUs, load ${os.loadavg().map(f2).join(' ')}${priority === null ? '' : `; processes at nice ${priority}`}\n`,
  );
  const profArgv = (kind: BenchedKind) =>
    cpuProfDir
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfDir)}`, `--cpu-prof-name=${kind}.cpuprofile`]
      : [];
  const servers: Record<BenchedKind, ServerChild> = {
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
          const r = await runPhase({ label: kind, server: servers[kind], clients, load, round, durationMs });
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
      if (rs.length > 0) merged.push(mergeResults(rs));
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
