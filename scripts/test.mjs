// `npm test`: type check, migration check, lint and format check, unit + integration tests (vitest; with
// TONGBAN_TEST_POSTGRES_URL a second pass of them on PostgreSQL), the security probe suite (vitest, tests/security),
// end-to-end tests (Playwright, Chromium).
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
// `--clock-at=ISO`: run as if the suite started at that instant (tests/support/shiftedClock.mjs), e.g.
// `TZ=America/New_York npm test -- --clock-at=2026-12-31T23:50:00+08:00`. `--only=vitest|security|e2e`: one test stage.
// `--no-postgres`: no PostgreSQL pass even where TONGBAN_TEST_POSTGRES_URL names one. Every other argument goes to vitest.
const option = (name) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
const extra = process.argv.slice(2).filter((a) => !/^--(clock-at|only)=/.test(a) && a !== '--no-postgres');
const postgres = !process.argv.includes('--no-postgres');
const only = option('only');
const clockAt = option('clock-at');
const clockEnv = {};
if (clockAt) {
  if (Number.isNaN(Date.parse(clockAt))) {
    console.error(`--clock-at needs an ISO instant such as 2026-12-31T23:50:00+08:00, not ${clockAt}`);
    process.exit(2);
  }
  const preload = new URL('../tests/support/shiftedClock.mjs', import.meta.url).href;
  Object.assign(clockEnv, {
    TONGBAN_TEST_CLOCK_AT: clockAt,
    TONGBAN_TEST_CLOCK_ANCHOR: String(Date.now()),
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(' '),
  });
  console.log(`Clock: the run starts at ${clockAt} (TZ=${process.env.TZ ?? 'unset'}).`);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

function stage(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...clockEnv, ...env },
  });
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

const runs = (name) => !only || only === name;
if (only && !['vitest', 'security', 'e2e'].includes(only)) {
  console.error(`--only takes vitest, security or e2e, not ${only}`);
  process.exit(2);
}
const typecheckOk = only ? true : stage('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
if (!typecheckOk) totals.failed++;
const migrationsOk = only ? true : stage('migrations match schema', bin('tsx'), ['scripts/checkMigrations.ts']);
if (!migrationsOk) totals.failed++;
// The layer boundaries (eslint.config.js) and the formatting (Prettier, 120 columns).
const lintOk = only ? true : stage('lint and layer boundaries (eslint)', bin('eslint'), ['.']);
if (!lintOk) totals.failed++;
const formatOk = only
  ? true
  : stage('formatting (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
if (!formatOk) totals.failed++;

// Tests against PostgreSQL and Redis (README, "Scaling out") run when these variables name them; they pass to every
// stage with the rest of the environment (.ci/run sets them where the services answer).
const services = [
  ['TONGBAN_TEST_POSTGRES_URL', 'PostgreSQL'],
  ['TONGBAN_TEST_REDIS_URL', 'Redis'],
];
for (const [name, what] of services)
  console.log(
    process.env[name]
      ? `${what}: tests run against ${name}=${process.env[name]}`
      : `${what}: ${name} unset, its tests are skipped`,
  );

/** Adds a vitest JSON report's counts to the totals (a report that is missing counts as a failure). */
function countVitest(file) {
  const v = readJson(file);
  if (v) {
    totals.passed += v.numPassedTests;
    totals.failed +=
      v.numFailedTests + (v.numFailedTestSuites > 0 && v.numFailedTests === 0 ? v.numFailedTestSuites : 0);
    totals.skipped += v.numPendingTests + v.numTodoTests;
  } else totals.failed++;
}

if (runs('vitest')) {
  const vitestReport = path.join(reports, 'vitest.json');
  stage('unit and integration tests (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
    ...extra,
  ]);
  countVitest(vitestReport);
}

// The same tests with every test app on PostgreSQL (TONGBAN_TEST_DATABASE=postgres, a schema each), for the files that
// pass there so far (tests/support/postgresTestFiles.mjs; README, "Scaling out"). Only where PostgreSQL is named.
if (runs('vitest') && postgres && process.env.TONGBAN_TEST_POSTGRES_URL) {
  const { POSTGRES_TEST_FILES } = await import('../tests/support/postgresTestFiles.mjs');
  const postgresReport = path.join(reports, 'vitest-postgres.json');
  stage(
    `unit and integration tests on PostgreSQL (vitest, ${POSTGRES_TEST_FILES.length} files)`,
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${postgresReport}`, ...POSTGRES_TEST_FILES],
    { TONGBAN_TEST_DATABASE: 'postgres' },
  );
  countVitest(postgresReport);
}

// The security probe suite (tests/security, its own vitest configuration; the stage above does not run it): the access
// matrix, body fuzzing, limits and notifications, ending with "security: N checks, N leaks".
if (runs('security')) {
  const securityReport = path.join(reports, 'security.json');
  stage('security probe suite (npm run test:security)', bin('vitest'), [
    'run',
    '--config',
    'tests/security/vitest.config.ts',
    '--reporter=default',
    '--reporter=./tests/security/summaryReporter.ts',
    '--reporter=json',
    `--outputFile.json=${securityReport}`,
  ]);
  const s = readJson(securityReport);
  if (s) {
    totals.passed += s.numPassedTests;
    totals.failed +=
      s.numFailedTests + (s.numFailedTestSuites > 0 && s.numFailedTests === 0 ? s.numFailedTestSuites : 0);
    totals.skipped += s.numPendingTests + s.numTodoTests;
  } else totals.failed++;
}

if (runs('e2e')) {
  // A free port, so the end-to-end server never collides with a Tongban already running on this machine.
  const e2ePort = await new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const e2eReport = path.join(reports, 'playwright.json');
  stage('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: e2eReport,
    TONGBAN_E2E_PORT: String(e2ePort),
  });
  const p = readJson(e2eReport);
  if (p?.stats) {
    totals.passed += p.stats.expected + p.stats.flaky;
    totals.failed += p.stats.unexpected + (p.errors?.length ?? 0);
    totals.skipped += p.stats.skipped;
  } else totals.failed++;
}

console.log('\n━━ summary ━━');
for (const s of stages) console.log(`${s.ok ? '✔' : '✘'} ${s.name} (${s.seconds}s)`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
fs.rmSync(reports, { recursive: true, force: true });
process.exit(totals.failed === 0 && stages.every((s) => s.ok) ? 0 : 1);
