// Minutes-extractor benchmark: runs the extractor on every *.json document of the given corpus
// directories (default ../shared/corpus/minutes beside the repo) and prints, per document and in
// total, precision, recall, F1 and field accuracy as the corpus README defines them, plus time per
// document. The last line is the summary as JSON.
//   npx tsx tests/bench/extract.ts [corpusDir ...] [--verbose]

import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractTasks } from '../../common/minutes/minutesExtractor.ts';
import {
  corpusDocumentSchema,
  scoreDocument,
  summarizeScores,
  type CorpusDocument,
  type DocumentScore,
} from '../../server/domain/minutes/extractionScore.ts';

const REPEATS = 20; // timing is averaged over repeated runs; one pass is well under a millisecond
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dirs = args.filter((a) => !a.startsWith('--'));
const corpusDirs =
  dirs.length > 0 ? dirs.map((d) => resolve(d)) : [resolve(repoRoot, '..', 'shared', 'corpus', 'minutes')];

interface Row {
  name: string;
  score: DocumentScore;
  ms: number;
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

const docs = corpusDirs.flatMap(load);
if (docs.length === 0) {
  process.stderr.write(`no *.json documents in ${corpusDirs.join(', ')}\n`);
  process.exit(1);
}

const rows: Row[] = docs.map(({ name, doc }) => {
  const run = () => extractTasks(doc.text, { meetingDate: doc.meetingDate });
  run(); // warm-up
  const t0 = performance.now();
  for (let i = 1; i < REPEATS; i++) run();
  const predictions = run();
  const ms = (performance.now() - t0) / REPEATS;
  return { name, score: scoreDocument(doc, predictions), ms };
});

const pct = (n: number, d: number) => (d === 0 ? '  -  ' : (n / d).toFixed(3));
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const nameWidth = Math.max(...rows.map((r) => r.name.length), 8);
const header = `${pad('document', nameWidth)}  exp  pred  match  prec   recall  fields  nonTask  ms`;
const lines = [header, '-'.repeat(header.length)];
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
lines.push('-'.repeat(header.length));
lines.push(
  `${docs.length} documents  precision ${summary.precision}  recall ${summary.recall}  F1 ${summary.f1}  ` +
    `fields ${Object.entries(summary.field_accuracy)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}  ms/doc ${msPerDoc}`,
);
process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write(`${JSON.stringify({ ...summary, documents: docs.length, ms_per_doc: msPerDoc })}\n`);
