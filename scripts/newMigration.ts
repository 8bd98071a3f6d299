// `npm run db:migration -- <name>`: writes a new migration with the SQL that takes the committed migrations to the
// current prisma/schema.prisma (diffed on a shadow database, offline).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write('Usage: npm run db:migration -- <name_in_snake_case>\n');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-shadow-'));
try {
  const sql = execFileSync(
    path.join(root, 'node_modules/.bin/prisma'),
    [
      'migrate',
      'diff',
      '--from-migrations',
      'prisma/migrations',
      '--to-schema-datamodel',
      'prisma/schema.prisma',
      '--script',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TONGBAN_DATA_DIR: tmp },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (/^-- This is an empty migration\.\s*$/.test(sql.trim())) {
    process.stdout.write('The schema matches the migrations: nothing to write.\n');
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const dir = path.join(root, 'prisma/migrations', `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  process.stdout.write(`Wrote ${path.relative(root, dir)}/migration.sql\n`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
