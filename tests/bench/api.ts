// Supervision API benchmark (`npm run bench:api`): 100,000 tasks across 60 units with progress histories, then
// autocannon on loopback against the server in its own process: my unit's task list (filtered, paged), the
// supervision desk with the overdue filter, the unit statistics, and the 待办 centre of a person with ~2,000 open
// items among the tasks and 100,000 公文. Prints a table and, last, one JSON line
// {"unit_list_p99_ms", "stats_p99_ms", "rps", …}. Latency on a shared machine is mostly waiting for a core, so the table
// also shows the server's own CPU time per request, the load average while each endpoint ran, and a control row: the
// same load on a request that only authenticates.
// Two loads, in one table: at saturation (--connections in flight, closed loop: each answer sends the next request, so
// p99 is mostly queueing behind the other connections' requests on the server's one thread), then at a fixed offered
// rate (--rate requests per second per endpoint, open loop: sent on a timer whatever is still in flight, latency timed
// from the instant a request was due, so a stall counts for every request it delays) — an office's realistic load.
//   npx tsx tests/bench/api.ts [--tasks=N] [--seconds=N] [--connections=N] [--rate=N] [--keep] [--data=DIR (reuse a kept data set)]
//                              [--priority=N (nice and autogroup priority for this process and the server, e.g. -10; needs root)]
//                              [--cpu-prof=DIR (the server's V8 CPU profile, written when it exits)]
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../prisma/generated/client.ts';
import { buildApp } from '../../server/app.ts';
import { databasePath } from '../../server/db/client.ts';
import { rebuildUnitMonthCounters } from '../../server/queries/supervision/statistics.ts';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../../server/seed/demoOrganisation.ts';
import { prioritiseAutogroup, priorityOption } from './benchProcess.ts';
import { seedSupervision } from './supervisionSeed.ts';
import { seedTodo } from './todoSeed.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const TASKS = option('tasks', 100_000);
const SECONDS = option('seconds', 10);
const CONNECTIONS = option('connections', 8);
/** The fixed offered rate of the open-loop measurement, requests per second per endpoint. */
const RATE = option('rate', 20);
/** --cpu-prof=DIR: the server writes a V8 CPU profile there when it exits (diagnosis only). */
const CPU_PROF_DIR = args.find((a) => a.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length);
// The load generator (this process) and the server (its own session) both get the priority, nice and autogroup.
const PRIORITY = priorityOption(args);
if (PRIORITY !== null) {
  os.setPriority(process.pid, PRIORITY);
  prioritiseAutogroup('bench:api', process.pid, PRIORITY);
}
const UNITS = 60;
const DOCUMENTS = option('documents', 100_000);
const TODO_USER = 'bench7clerk';

const log = (line: string) => process.stdout.write(`${line}\n`);
const reuse = args.find((a) => a.startsWith('--data='))?.slice(7);
const dataDir = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-api-'));

// 1. Schema and the demo organisation through the application itself, then the bulk data in SQL.
let started = performance.now();
let seeded: { unitIds: string[]; staffUsernames: string[]; tasks: number; events: number };
if (reuse) {
  seeded = {
    unitIds: [],
    staffUsernames: Array.from({ length: UNITS }, (_, i) => `bench${i}s0`),
    tasks: TASKS,
    events: 0,
  };
} else {
  const app = await buildApp({ config: { dataDir, supervisionTickSeconds: 0 }, serveClient: false, logger: false });
  await app.ready();
  await seedDemoOrganisation(app.svc);
  await app.close();
  seeded = seedSupervision(databasePath(dataDir), { tasks: TASKS, units: UNITS, now: new Date() });
  seedBusyPerson(databasePath(dataDir));
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${databasePath(dataDir)}` }) });
  await rebuildUnitMonthCounters(prisma);
  await prisma.$executeRawUnsafe('ANALYZE');
  await prisma.$disconnect();
  log(
    `seeded ${seeded.tasks} tasks, ${seeded.events} timeline entries, ${seeded.unitIds.length} units in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * The 待办 centre's person: a clerk of a bench unit who waits on 1,100 of the 100,000 公文, owes replies to 100
 * meetings and reports on 600 tasks besides signing for their unit's — about 2,000 open items in all.
 */
function seedBusyPerson(file: string): void {
  const raw = new Database(file);
  const { id } = raw.prepare('SELECT id FROM User WHERE username = ?').get(TODO_USER) as { id: string };
  raw
    .prepare(
      `UPDATE SupervisionTask SET ownerId = ? WHERE id IN (SELECT id FROM SupervisionTask
        WHERE status IN ('in_progress', 'extension_requested') AND classification <= 1 ORDER BY id LIMIT 600)`,
    )
    .run(id);
  raw.close();
  seedTodo(file, {
    documents: DOCUMENTS,
    meetings: 2_000,
    now: new Date(),
    focus: { userId: id, documents: 1_100, meetings: 100 },
  });
}

// 2. The server in its own process.
const server = fork(path.join(import.meta.dirname, 'apiServer.ts'), [dataDir], {
  execArgv: ['--import', 'tsx', ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [])],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  detached: PRIORITY !== null,
});
// 'spawn' comes after the child left this session, so its autogroup is its own.
if (PRIORITY !== null) server.once('spawn', () => prioritiseAutogroup('bench:api server', server.pid!, PRIORITY));
const port = await new Promise<number>((resolve, reject) => {
  server.once('message', (m: { port: number }) => resolve(m.port));
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;

/** The server's CPU time so far, in ms. */
async function serverCpuMs(): Promise<number> {
  const reply = new Promise<{ user: number; system: number }>((resolve) => {
    const onMessage = (m: { cpu?: { user: number; system: number } }) => {
      if (!m.cpu) return;
      server.off('message', onMessage);
      resolve(m.cpu);
    };
    server.on('message', onMessage);
  });
  server.send('cpu');
  const { user, system } = await reply;
  return (user + system) / 1000;
}

async function signIn(username: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie };
}

interface Result {
  name: string;
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Server CPU time per request, ms. */
  cpuMs: number;
  /** One-minute load average at the end of the run. */
  load: number;
}

async function load(name: string, headers: Record<string, string>, paths: string[]): Promise<Result> {
  // Warm up (JIT, SQLite page cache) before measuring.
  for (const p of paths) {
    const res = await fetch(`${base}${p}`, { headers });
    if (!res.ok) throw new Error(`${name}: ${p} answered ${res.status} ${await res.text()}`);
  }
  await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: 2,
    requests: paths.map((p) => ({ method: 'GET' as const, path: p, headers })),
  });
  const cpuBefore = await serverCpuMs();
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: paths.map((p) => ({ method: 'GET' as const, path: p, headers })),
  });
  const cpuMs = ((await serverCpuMs()) - cpuBefore) / Math.max(1, r.requests.total);
  return {
    name,
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.average,
    requests: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
    cpuMs,
    load: os.loadavg()[0]!,
  };
}

/**
 * Latency at a fixed offered rate (open loop): request i is due at start + i/RATE s and is sent then on its own
 * keep-alive socket if the others are busy, whether or not earlier ones have been answered; its latency runs from the
 * instant it was due to the end of its answer (so a late send — this process busy — counts too, never hides a stall).
 */
async function atRate(name: string, headers: Record<string, string>, paths: string[]): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const get = (p: string) =>
    new Promise<number>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path: p, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      request.on('error', () => resolve(0));
    });
  // Warm up: JIT, SQLite page cache and a few open sockets.
  for (let i = 0; i < 4 * paths.length; i++) await get(paths[i % paths.length]!);
  const total = Math.max(1, Math.round(RATE * SECONDS));
  const latencies: number[] = [];
  let failed = 0;
  const cpuBefore = await serverCpuMs();
  const start = performance.now() + 20;
  await Promise.all(
    Array.from(
      { length: total },
      (_, i) =>
        new Promise<void>((resolve) => {
          const due = start + (i * 1000) / RATE;
          setTimeout(
            () =>
              void get(paths[i % paths.length]!).then((status) => {
                if (status !== 200) failed++;
                latencies.push(performance.now() - due);
                resolve();
              }),
            Math.max(0, due - performance.now()),
          );
        }),
    ),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpuMs = ((await serverCpuMs()) - cpuBefore) / total;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const quantile = (q: number) => Math.round(latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)]! * 10) / 10;
  return {
    name: `${name} — at ${RATE} req/s, open loop`,
    p50: quantile(0.5),
    p99: quantile(0.99),
    rps: total / elapsed,
    requests: total,
    errors: 0,
    non2xx: failed,
    cpuMs,
    load: os.loadavg()[0]!,
  };
}

try {
  const loadAtStart = os.loadavg();
  const staff = await signIn(seeded.staffUsernames[7]!);
  const supervisor = await signIn('zhouqiang');
  const sample = (await (
    await fetch(`${base}/api/supervision/tasks?scope=unit&pageSize=1`, { headers: staff })
  ).json()) as { total: number };
  const overdue = (await (
    await fetch(`${base}/api/supervision/tasks?scope=desk&overdue=true&pageSize=1`, { headers: supervisor })
  ).json()) as { total: number };
  log(`the measured unit has ${sample.total} tasks (lead or co-unit); ${overdue.total} tasks are overdue in all`);
  const busy = await signIn(TODO_USER);
  const waiting = (await (await fetch(`${base}/api/todo/counts`, { headers: busy })).json()) as { total: number };
  log(`the 待办 centre's person has ${waiting.total} open items among ${TASKS} tasks and ${DOCUMENTS} 公文`);

  started = performance.now();
  const results = [
    await load(
      'my unit: in progress + to sign, by deadline, pages 1–3',
      staff,
      [1, 2, 3].map(
        (page) => `/api/supervision/tasks?scope=unit&status=in_progress&status=pending_sign&page=${page}&pageSize=20`,
      ),
    ),
    await load(
      'supervision desk: overdue, pages 1–3',
      supervisor,
      [1, 2, 3].map((page) => `/api/supervision/tasks?scope=desk&overdue=true&page=${page}&pageSize=20`),
    ),
    await load('unit statistics (12 months, all units + trend)', supervisor, ['/api/supervision/statistics']),
    await load(
      '待办 centre: ~2,000 open items, pages 1–3 with counts',
      busy,
      [1, 2, 3].map((page) => `/api/todo?page=${page}&pageSize=20`),
    ),
    await load('待办 counts (the navigation badge)', busy, ['/api/todo/counts']),
  ];
  // The control: the same load on the cheapest authenticated request (the session lookup and a few bytes of JSON).
  // What it shows is the machine and the stack, not supervision.
  const control = await load('control: authentication only (not a target)', staff, ['/api/supervision/capabilities']);
  // The same endpoints at an office's rate: the latency a person sees when the server is not saturated.
  const todoPaths = [1, 2, 3].map((page) => `/api/todo?page=${page}&pageSize=20`);
  const atOfficeRate = {
    todo: await atRate('待办 centre: ~2,000 open items, pages 1–3 with counts', busy, todoPaths),
    todoCounts: await atRate('待办 counts (the navigation badge)', busy, ['/api/todo/counts']),
    unitList: await atRate(
      'my unit: in progress + to sign, by deadline, pages 1–3',
      staff,
      [1, 2, 3].map(
        (page) => `/api/supervision/tasks?scope=unit&status=in_progress&status=pending_sign&page=${page}&pageSize=20`,
      ),
    ),
    stats: await atRate('unit statistics (12 months, all units + trend)', supervisor, ['/api/supervision/statistics']),
    control: await atRate('control: authentication only (the floor)', staff, ['/api/supervision/capabilities']),
  };
  const loadAtEnd = os.loadavg();
  const elapsed = (performance.now() - started) / 1000;

  log('');
  log(
    `${TASKS} tasks · ${UNITS} units · ${CONNECTIONS} connections · ${SECONDS} s per endpoint · server in its own process on loopback · ${os.cpus().length} cores`,
  );
  const loads = (l: number[]) => l.map((n) => n.toFixed(2)).join(', ');
  log(`load average (1, 5, 15 min): ${loads(loadAtStart)} at the start, ${loads(loadAtEnd)} at the end`);
  log(
    `rows above the control: at saturation (${CONNECTIONS} connections, closed loop); rows marked "at ${RATE} req/s, open loop": a fixed offered rate (realistic load)`,
  );
  log('| endpoint | p50 ms | p99 ms | req/s | requests | errors | server CPU ms/req | load avg |');
  log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of [...results, control, ...Object.values(atOfficeRate)])
    log(
      `| ${r.name} | ${r.p50} | ${r.p99} | ${r.rps.toFixed(0)} | ${r.requests} | ${r.errors + r.non2xx} | ${r.cpuMs.toFixed(2)} | ${r.load.toFixed(1)} |`,
    );
  const total = results.reduce((n, r) => n + r.rps, 0) / results.length;
  if ([...results, ...Object.values(atOfficeRate)].some((r) => r.errors + r.non2xx > 0)) process.exitCode = 1;
  log(
    `(measured over ${elapsed.toFixed(0)} s; target p99 < 30 ms for the unit list, the statistics and the 待办 centre)`,
  );
  log(
    JSON.stringify({
      unit_list_p99_ms: results[0]!.p99,
      desk_overdue_p99_ms: results[1]!.p99,
      stats_p99_ms: results[2]!.p99,
      todo_p99_ms: results[3]!.p99,
      todo_counts_p99_ms: results[4]!.p99,
      rps: Math.round(total),
      control_p99_ms: control.p99,
      [`todo_p99_ms_at_${RATE}rps`]: atOfficeRate.todo.p99,
      [`todo_counts_p99_ms_at_${RATE}rps`]: atOfficeRate.todoCounts.p99,
      [`unit_list_p99_ms_at_${RATE}rps`]: atOfficeRate.unitList.p99,
      [`stats_p99_ms_at_${RATE}rps`]: atOfficeRate.stats.p99,
      [`control_p99_ms_at_${RATE}rps`]: atOfficeRate.control.p99,
      todo_cpu_ms_per_req: Math.round(results[3]!.cpuMs * 100) / 100,
      control_cpu_ms_per_req: Math.round(control.cpuMs * 100) / 100,
      load_avg_1m: Math.round(loadAtStart[0]! * 100) / 100,
    }),
  );
} finally {
  server.send('stop');
  await new Promise((resolve) => server.once('exit', resolve));
  if (!args.includes('--keep') && !reuse) fs.rmSync(dataDir, { recursive: true, force: true });
  else log(`data kept in ${dataDir}`);
}
