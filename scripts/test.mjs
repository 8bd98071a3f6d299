// `npm test`: type check, migration check, unit + integration tests (vitest), end-to-end tests (Playwright, Chromium).
// Runs every stage even after a failure, then prints one summary line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-test-'));
const extra = process.argv.slice(2);

const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

function stage(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  stages.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const typecheckOk = stage('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
if (!typecheckOk) totals.failed++;
const migrationsOk = stage('migrations match schema', bin('tsx'), ['scripts/checkMigrations.ts']);
if (!migrationsOk) totals.failed++;

const vitestReport = path.join(reports, 'vitest.json');
stage('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`, ...extra]);
const v = readJson(vitestReport);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests + (v.numFailedTestSuites > 0 && v.numFailedTests === 0 ? v.numFailedTestSuites : 0);
  totals.skipped += v.numPendingTests + v.numTodoTests;
} else totals.failed++;

// A free port, so the end-to-end server never collides with a Tongban already running on this machine.
const e2ePort = await new Promise((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const e2eReport = path.join(reports, 'playwright.json');
stage('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eReport, TONGBAN_E2E_PORT: String(e2ePort) });
const p = readJson(e2eReport);
if (p?.stats) {
  totals.passed += p.stats.expected + p.stats.flaky;
  totals.failed += p.stats.unexpected + (p.errors?.length ?? 0);
  totals.skipped += p.stats.skipped;
} else totals.failed++;

console.log('\n━━ summary ━━');
for (const s of stages) console.log(`${s.ok ? '✔' : '✘'} ${s.name} (${s.seconds}s)`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
fs.rmSync(reports, { recursive: true, force: true });
process.exit(totals.failed === 0 && stages.every((s) => s.ok) ? 0 : 1);
