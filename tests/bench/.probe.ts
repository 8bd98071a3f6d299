import { buildApp } from '/work/main/server/app.ts';
const dataDir = process.argv[2]!;
const app = await buildApp({ config: { dataDir, supervisionTickSeconds: 0, authRateLimit: 100000 }, serveClient: false, logger: false });
await app.ready();
const signin = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'zhouqiang', password: 'Tongban#2026' } });
const cookie = signin.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
for (const url of ['/api/supervision/statistics', '/api/supervision/tasks?scope=desk&overdue=true', '/api/supervision/capabilities', '/api/auth/session']) {
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await app.inject({ method: 'GET', url, headers: { cookie } });
    console.log(url, r.statusCode, (performance.now() - t0).toFixed(1), 'ms');
  }
}
await app.close();
