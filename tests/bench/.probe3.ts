import { fork } from 'node:child_process';
import autocannon from 'autocannon';
const dataDir = process.argv[2]!;
const server = fork('/work/main/tests/bench/apiServer.ts', [dataDir], { execArgv: ['--import', 'tsx', ...(process.argv[3] ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const port = await new Promise<number>((r) => server.once('message', (m: { port: number }) => r(m.port)));
const base = `http://127.0.0.1:${port}`;
const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhouqiang', password: 'Tongban#2026' }) });
const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
for (const path of ['/healthz', '/api/auth/session', '/api/supervision/capabilities', '/api/supervision/statistics', '/api/supervision/tasks?scope=desk&overdue=true']) {
  const r = await autocannon({ url: base, connections: 8, duration: 3, requests: [{ method: 'GET', path, headers: { cookie } }] });
  console.log(path, 'p50', r.latency.p50, 'p99', r.latency.p99, 'rps', r.requests.average, 'non2xx', r.non2xx);
}
server.send('stop');
