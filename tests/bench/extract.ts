// Minutes-extractor benchmark: runs the extractor on every *.json document of three corpora — the
// shared development documents (../shared/corpus/minutes), this repository's development part
// (tests/fixtures/minutes/dev) and its held-out part (tests/fixtures/minutes/heldout) — and prints,
// per document and per corpus, precision, recall, F1 and field accuracy as the corpus README defines
// them, plus time per document against the 50 ms per page budget. The held-out part is for the
// final score only; develop with `--only shared,dev`. The last line is the summary as JSON.
//   npx tsx tests/bench/extract.ts [--only shared,dev,heldout] [--verbose] [corpusDir ...]

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractTasks } from '../../common/minutes/minutesExtractor.ts';
import {
  corpusDocumentSchema,
  scoreDocument,
  summarizeScores,
  type CorpusDocument,
  type CorpusSummary,
  type DocumentScore,
} from '../../server/domain/minutes/extractionScore.ts';

const REPEATS = 20; // timing is averaged over repeated runs; one pass takes about a millisecond
const PAGE_BUDGET_MS = 50;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const onlyArg = args.find((a) => a.startsWith('--only'));
const onlyIndex = args.indexOf('--only');
const only = onlyArg?.includes('=') ? onlyArg.split('=')[1] : onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const dirs = args.filter((a, i) => !a.startsWith('--') && !(onlyIndex >= 0 && i === onlyIndex + 1));

const DEFAULT_CORPORA: Array<{ label: string; dir: string }> = [
  { label: 'shared', dir: resolve(repoRoot, '..', 'shared', 'corpus', 'minutes') },
  { label: 'dev', dir: resolve(repoRoot, 'tests', 'fixtures', 'minutes', 'dev') },
  { label: 'heldout', dir: resolve(repoRoot, 'tests', 'fixtures', 'minutes', 'heldout') },
];
const wanted = only ? new Set(only.split(',')) : null;
const corpora =
  dirs.length > 0
    ? dirs.map((d) => ({ label: basename(resolve(d)), dir: resolve(d) }))
    : DEFAULT_CORPORA.filter((c) => (wanted ? wanted.has(c.label) : true) && existsSync(c.dir));

interface Row {
  name: string;
  score: DocumentScore;
  ms: number;
  chars: number;
}

function load(dir: string): Array<{ name: string; doc: CorpusDocument }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = corpusDocumentSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${join(dir, f)}: ${parsed.error.message}`);
      return { name: `${basename(dir)}/${f}`, doc: parsed.data };
    });
}

function run(name: string, doc: CorpusDocument): Row {
  const once = () => extractTasks(doc.text, { meetingDate: doc.meetingDate });
  once(); // warm-up
  const t0 = performance.now();
  for (let i = 1; i < REPEATS; i++) once();
  const predictions = once();
  const ms = (performance.now() - t0) / REPEATS;
  return { name, score: scoreDocument(doc, predictions), ms, chars: doc.text.length };
}

const pct = (n: number, d: number) => (d === 0 ? '  -  ' : (n / d).toFixed(3));
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

const results: Record<string, CorpusSummary & { documents: number; ms_per_doc: number; max_ms: number }> = {};
const lines: string[] = [];
const allRows: Row[] = [];
for (const corpus of corpora) {
  const docs = load(corpus.dir);
  if (docs.length === 0) continue;
  const rows = docs.map(({ name, doc }) => run(name, doc));
  allRows.push(...rows);
  const nameWidth = Math.max(...rows.map((r) => r.name.length), 8);
  const header = `${pad('document', nameWidth)}  exp  pred  match  prec   recall  fields  nonTask  ms`;
  lines.push('', `== ${corpus.label} (${corpus.dir})`, header, '-'.repeat(header.length));
  for (const { name, score, ms } of rows) {
    const fieldTotal = score.matched * 5;
    const fieldRight = fieldTotal - score.fieldMisses.length;
    lines.push(
      `${pad(name, nameWidth)}  ${pad(String(score.expected), 3)}  ${pad(String(score.predicted), 4)}  ${pad(String(score.matched), 5)}  ${pct(
        score.matched,
        score.predicted,
      )}  ${pct(score.matched, score.expected)}   ${pct(fieldRight, fieldTotal)}   ${pad(String(score.nonTaskViolations.length), 7)}  ${ms.toFixed(3)}`,
    );
    if (
      verbose ||
      score.missed.length + score.spurious.length + score.fieldMisses.length + score.nonTaskViolations.length > 0
    ) {
      for (const m of score.missed) lines.push(`    missed: ${m}`);
      for (const s of score.spurious) lines.push(`    spurious: ${s}`);
      for (const v of score.nonTaskViolations) lines.push(`    non-task made a task: ${v}`);
      for (const f of score.fieldMisses)
        lines.push(`    ${f.match} ${f.field}: expected ${JSON.stringify(f.expected)} got ${JSON.stringify(f.actual)}`);
    }
  }
  const summary = summarizeScores(rows.map((r) => r.score));
  const msPerDoc = Math.round((rows.reduce((a, r) => a + r.ms, 0) / rows.length) * 1000) / 1000;
  const maxMs = Math.round(Math.max(...rows.map((r) => r.ms)) * 1000) / 1000;
  results[corpus.label] = { ...summary, documents: docs.length, ms_per_doc: msPerDoc, max_ms: maxMs };
  lines.push('-'.repeat(header.length));
  lines.push(
    `${corpus.label}: ${docs.length} documents  precision ${summary.precision}  recall ${summary.recall}  F1 ${summary.f1}  ` +
      `fields ${Object.entries(summary.field_accuracy)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}  ms/doc ${msPerDoc} (max ${maxMs})`,
  );
}
if (allRows.length === 0) {
  process.stderr.write(`no *.json documents in ${corpora.map((c) => c.dir).join(', ')}\n`);
  process.exit(1);
}

// A page of minutes is about 800 characters; the budget is checked on the slowest document scaled to it.
const worstPerPage = Math.max(...allRows.map((r) => (r.ms * 800) / Math.max(r.chars, 800)));
lines.push(
  '',
  `summary   ${pad('corpus', 8)} docs  precision  recall  F1      leadUnits coUnits owners coOwners due     ms/doc`,
);
for (const [label, s] of Object.entries(results)) {
  const f = s.field_accuracy;
  lines.push(
    `          ${pad(label, 8)} ${pad(String(s.documents), 4)}  ${pad(s.precision.toFixed(4), 9)}  ${pad(s.recall.toFixed(4), 6)}  ${pad(
      s.f1.toFixed(4),
      6,
    )}  ${pad(f.leadUnits.toFixed(4), 9)} ${pad(f.coUnits.toFixed(4), 7)} ${pad(f.owners.toFixed(4), 6)} ${pad(
      f.coOwners.toFixed(4),
      8,
    )} ${pad(f.due.toFixed(4), 7)} ${s.ms_per_doc.toFixed(3)}`,
  );
}
lines.push(
  `slowest page ≈ ${worstPerPage.toFixed(3)} ms (budget ${PAGE_BUDGET_MS} ms): ${worstPerPage < PAGE_BUDGET_MS ? 'ok' : 'OVER'}`,
);
process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write(
  `${JSON.stringify({ ...results, slowest_page_ms: Math.round(worstPerPage * 1000) / 1000, page_budget_ms: PAGE_BUDGET_MS })}\n`,
);
