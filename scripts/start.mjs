// `npm start` / `npm run demo`: checks Node, builds the web client when it is missing or stale, then runs the server
// (which applies database migrations itself). Plain JavaScript so it runs before anything is compiled.
import './checkNode.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

const builtAt = newestMtime(path.join(root, 'client/dist/index.html'));
const sourceAt = Math.max(
  ...['client/src', 'client/index.html', 'common', 'media/signaling.ts', 'vite.config.ts'].map((p) =>
    newestMtime(path.join(root, p)),
  ),
);
if (builtAt === 0 || sourceAt > builtAt) {
  console.log(
    builtAt === 0 ? 'Building the web client (first start)…' : 'Client sources changed: rebuilding the web client…',
  );
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv.includes('--demo')) {
  // The demo organisation and a month of its work (meetings, documents, minutes, supervision tasks), on first start.
  process.env.TONGBAN_DEMO = 'full';
  process.env.TONGBAN_DATA_DIR ??= path.join(root, 'data/demo');
}
process.chdir(root);
const { register } = await import('tsx/esm/api');
register();
await import('../server/main.ts');
