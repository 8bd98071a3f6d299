// Runs after `npm install`: builds the mediasoup worker (see media/install/README.md), installs Debian's tesseract with
// its Chinese data for OCR (scripts/ocrPackages.mjs), Debian's ffmpeg for meeting recording
// (scripts/recorderPackages.mjs), Debian's nginx for the load balancer in front of several instances
// (scripts/nginxPackages.mjs), and generates the Prisma clients (SQLite, and PostgreSQL for scaling out).
// Any failure stops the install with its message: never a silent half-install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(label, command, args, env = process.env) {
  console.log(`[tongban] ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`[tongban] ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (fs.existsSync(path.join(root, 'node_modules/mediasoup'))) {
  run('building the mediasoup worker', process.execPath, [path.join(root, 'media/install/buildWorker.mjs')]);
}
run('checking the OCR packages (tesseract, chi_sim)', process.execPath, [path.join(root, 'scripts/ocrPackages.mjs')]);
run('checking the recording packages (ffmpeg)', process.execPath, [path.join(root, 'scripts/recorderPackages.mjs')]);
run('checking the load balancer packages (nginx)', process.execPath, [path.join(root, 'scripts/nginxPackages.mjs')]);
run(
  'generating the Prisma client',
  process.execPath,
  [path.join(root, 'node_modules/prisma/build/index.js'), 'generate'],
  { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
);
// The client for PostgreSQL (TONGBAN_DATABASE_URL, scaling out), from the schema derived from the same one.
run(
  'generating the Prisma client for PostgreSQL',
  process.execPath,
  [path.join(root, 'node_modules/prisma/build/index.js'), 'generate', '--config', 'prisma/postgres/prisma.config.ts'],
  { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
);
