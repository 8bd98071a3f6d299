// `npm run test:alone [-- FILE…] [--concurrency=N]`: runs every integration test on its own (`vitest run FILE -t
// "^<full name>$"`), so a test that only passes after an earlier one in its file shows up. Each run starts an app, so
// this is slow: give it the files you changed. Prints a table of failures and "alone: N passed, N failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules/.bin/vitest');
const args = process.argv.slice(2);
const concurrencyArg = args.find((a) => a.startsWith('--concurrency='));
const concurrency = concurrencyArg ? Number(concurrencyArg.slice('--concurrency='.length)) : 2;
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`--concurrency takes a whole number of at least 1, not ${concurrencyArg}`);
  process.exit(2);
}
const given = args.filter((a) => !a.startsWith('--'));
const files =
  given.length > 0
    ? given.map((f) => path.relative(root, path.resolve(f)))
    : fs.globSync('{server,collab,media,tests/integration}/**/*.integration.test.ts', { cwd: root }).sort();
if (files.length === 0) {
  console.error('no integration test files');
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-alone-'));

function run(command, argv) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// `--json=FILE`: a bare `--json` would take the next argument (a test file) as the file to write the list into.
const listFile = path.join(work, 'list.json');
const listed = await run(vitest, ['list', `--json=${listFile}`, ...files]);
const tests = readJson(listFile);
if (listed.code !== 0 || !Array.isArray(tests)) {
  console.error(`vitest list failed:\n${listed.output}`);
  process.exit(2);
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// `it.each`/`describe.each` names are listed as their template ('gives %s …'): each placeholder matches anything, so
// the run takes every case of that template together (still apart from the rest of the file).
const PLACEHOLDER = /%[sdifjoOc#$]|\$[\w.]+/g;
const isTemplate = (name) => new RegExp(PLACEHOLDER.source).test(name.replaceAll('%%', ''));
const namePattern = (name) =>
  name
    .split('%%')
    .map((part) => part.split(PLACEHOLDER).map(escapeRegExp).join('.*?'))
    .join('%');
const failures = [];
let passed = 0;
let next = 0;
const started = Date.now();

async function runOne(index) {
  const test = tests[index];
  const file = path.relative(root, test.file);
  const report = path.join(work, `${index}.json`);
  const { code, output } = await run(vitest, [
    'run',
    file,
    '-t',
    `^${namePattern(test.name)}$`,
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  const result = readJson(report);
  // Exactly one test (at least one case of a template) must have run and passed: a name the pattern failed to match
  // would otherwise "pass" with none.
  const ran = result?.numPassedTests ?? 0;
  const ok =
    code === 0 &&
    (isTemplate(test.name) ? ran >= 1 : ran === 1) &&
    result.numFailedTests === 0 &&
    result.numFailedTestSuites === 0;
  if (ok) passed++;
  else {
    const messages =
      result?.testResults
        ?.flatMap((f) => [f.message, ...f.assertionResults.flatMap((a) => a.failureMessages)])
        .filter(Boolean) ?? [];
    const reason =
      messages[0] ??
      (result ? `${result.numPassedTests} tests passed, expected 1` : output.trim().split('\n').slice(-5).join(' '));
    failures.push({ file, name: test.name, reason: reason.split('\n')[0].slice(0, 160) });
  }
  console.log(`${ok ? '✔' : '✘'} ${file} › ${test.name}`);
}

async function worker() {
  while (next < tests.length) await runOne(next++);
}

console.log(`Running ${tests.length} tests from ${files.length} files one at a time (${concurrency} at once).`);
await Promise.all(Array.from({ length: Math.min(concurrency, tests.length) }, worker));
fs.rmSync(work, { recursive: true, force: true });

if (failures.length > 0) {
  console.log('\nFailed when run alone:');
  const rows = [
    ['file', 'test', 'reason'],
    ...failures.sort((a, b) => a.file.localeCompare(b.file)).map((f) => [f.file, f.name, f.reason]),
  ];
  const widths = [0, 1].map((c) => Math.min(70, Math.max(...rows.map((r) => r[c].length))));
  const cell = (s, w) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  for (const r of rows) console.log(`${cell(r[0], widths[0])} │ ${cell(r[1], widths[1])} │ ${r[2]}`);
}
console.log(`\n(${Math.round((Date.now() - started) / 1000)}s)`);
console.log(`alone: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
