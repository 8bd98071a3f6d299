// The server side of the API benchmark: Tongban on a prepared data directory, in its own process, on loopback.
// Tells the parent its port over IPC, and its CPU time when asked (so the report can show the server's cost per
// request apart from queueing on a busy machine). The deadline-warning timer is off so it does not compete, and so is
// the archive job: the seed's 400 archived 公文 would have it lay out their packages' PDFs (in a PDF worker thread, a
// core busy) all through the measurement, charged to whichever endpoint is being measured.
import { buildApp } from '../../server/app.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: apiServer.ts DATA_DIR');
const app = await buildApp({
  config: {
    dataDir,
    publicUrl: 'http://127.0.0.1',
    supervisionTickSeconds: 0,
    archiveTickSeconds: 0,
    authRateLimit: 100_000,
    logLevel: 'warn',
  },
  serveClient: false,
  logger: false,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address !== 'object') throw new Error('not listening');
process.send?.({ port: address.port });
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (message === 'stop') void app.close().then(() => process.exit(0));
});
