// Builds the web client when client/dist is missing or older than its sources. The server serves whatever is in
// client/dist at request time, so building here (after the web server started) is enough.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function newest(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((max, name) => Math.max(max, newest(path.join(entry, name))), stat.mtimeMs);
}

export default function globalSetup(): void {
  const dist = process.env.TONGBAN_CLIENT_DIST
    ? path.resolve(process.env.TONGBAN_CLIENT_DIST)
    : path.join(root, 'client/dist');
  const builtAt = newest(path.join(dist, 'index.html'));
  const sourceAt = Math.max(
    ...['client/src', 'client/index.html', 'common', 'media/signaling.ts', 'vite.config.ts'].map((p) =>
      newest(path.join(root, p)),
    ),
  );
  if (builtAt > 0 && builtAt >= sourceAt) return;
  process.stdout.write(
    builtAt === 0 ? 'Building the web client…\n' : 'Client sources changed: rebuilding the web client…\n',
  );
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
