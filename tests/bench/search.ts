// Full-text search benchmark (`npm run bench:search`): 200,000 公文 of generated Chinese government text (templates and
// a vocabulary, seeded: the same corpus every run) across 60 units with mixed classifications, plus 100,000
// supervision tasks, written into a search index through the indexer's own write path (SearchIndex.apply, with the
// grants of the real read rules). Then 20 representative queries (2–8 characters, with and without filters) as a staff
// member of one unit and as a district leader, through the API's own query (searchSql + searchPage: read rules in the
// query, total up to its limit, first page, marked snippets), against a plain LIKE '%…%' scan over the same rows under the same rules.
// Prints a table and, last, one JSON line {"search_p99_ms", "like_p99_ms", "index_mb", "docs_per_s"}.
//   npx tsx tests/bench/search.ts [--docs=N] [--tasks=N] [--reps=N] [--like-reps=N] [--keep]
//                                 [--data=DIR (query a kept data set again: no seeding, no docs/s)]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Subject } from '../../server/auth/subject.ts';
import type { BusinessRole } from '../../server/domain/roles.ts';
import { SEARCH_COUNT_LIMIT } from '../../common/search/searchApi.ts';
import { searchPage, searchSql, type SearchQuery } from '../../server/queries/search/searchHits.ts';
import { searcher } from '../../server/policies/searchGrants.ts';
import { SearchIndex, type IndexEntry } from '../../server/search/searchIndex.ts';
import { queryTerms } from '../../server/domain/search/searchText.ts';
import { SearchCorpus } from './searchCorpus.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const DOCS = option('docs', 200_000);
const TASKS = option('tasks', 100_000);
const REPS = option('reps', 10);
const LIKE_REPS = option('like-reps', 2);
const REUSE = args.find((a) => a.startsWith('--data='))?.slice('--data='.length);
const KEEP = args.includes('--keep') || REUSE !== undefined;
/** Entries per transaction, as the indexer writes a run's batch. */
const BATCH = 500;
/** The corpus ends at a fixed instant: the same data and the same date filters on every run. */
const END = new Date('2026-12-01T00:00:00+08:00');

const log = (line: string) => process.stdout.write(`${line}\n`);
const dir = REUSE ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-search-'));
const index = new SearchIndex(path.join(dir, 'search.db'));
// The LIKE baseline: the same rows' text in a plain table beside the index (its own file, so the index size is the
// index's alone), joined to the same item rows so the same read rules and filters apply.
const plainFile = path.join(dir, 'plain.db');
const plain = new Database(plainFile);
plain.pragma('journal_mode = WAL');
if (!REUSE) plain.exec('CREATE TABLE doc (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)');
const insertPlain = plain.prepare('INSERT INTO doc (id, title, body) VALUES (?, ?, ?)');
const rowIdOf = index.db.prepare<[string, string], { id: number }>(
  'SELECT id FROM item WHERE kind = ? AND object_id = ?',
);

// 1. The corpus, written batch by batch; only the index writes are timed.
const corpus = new SearchCorpus('tongban-bench-search', END);
let indexMs = 0;
let generateMs = 0;
let textChars = 0;
function write(total: number, make: (i: number) => IndexEntry): void {
  for (let start = 0; start < total; start += BATCH) {
    let t = performance.now();
    const batch: IndexEntry[] = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) batch.push(make(i));
    generateMs += performance.now() - t;
    t = performance.now();
    index.apply(batch);
    indexMs += performance.now() - t;
    plain.transaction(() => {
      for (const e of batch) {
        // The baseline holds what the index holds: no body above 内部 (BODY_MAX_CLASSIFICATION).
        const body = e.classification <= 1 ? e.body : '';
        textChars += e.title.length + body.length;
        insertPlain.run(rowIdOf.get(e.kind, e.objectId)!.id, e.title, body);
      }
    })();
    if ((start / BATCH) % 40 === 0) process.stdout.write(`\r  ${e2(start + BATCH)} / ${e2(total)}`);
  }
  process.stdout.write('\n');
}
const e2 = (n: number) => n.toLocaleString('en-US');

log(`search bench: ${e2(DOCS)} 公文 + ${e2(TASKS)} tasks, ${corpus.units.length} units, data in ${dir}`);
if (!REUSE) {
  write(DOCS, (i) => corpus.officialDoc(i));
  write(TASKS, (i) => corpus.task(i));
}
const entries = REUSE ? index.count() : DOCS + TASKS;
const docsPerSecond = REUSE ? 0 : entries / (indexMs / 1000);
index.db.pragma('wal_checkpoint(TRUNCATE)');
index.db.exec('ANALYZE');
plain.pragma('wal_checkpoint(TRUNCATE)');
const fileMb = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0) / 2 ** 20;
const indexMb = fileMb(index.file) + fileMb(`${index.file}-wal`);
if (!REUSE)
  log(
    `indexed ${e2(entries)} entries (${(textChars / 1e6).toFixed(1)} M characters of text) in ${(indexMs / 1000).toFixed(1)} s: ${docsPerSecond.toFixed(0)} docs/s (generation ${(generateMs / 1000).toFixed(1)} s, not counted)`,
  );
log(`index ${indexMb.toFixed(0)} MB; plain text table ${fileMb(plainFile).toFixed(0)} MB`);
try {
  const tables = index.db
    .prepare(
      `SELECT CASE WHEN name LIKE 'text_tri%' THEN 'trigram' WHEN name LIKE 'text_bi%' THEN 'bigram'
         WHEN name LIKE 'item_grant%' THEN 'grants' ELSE 'items, meta' END AS part, sum(pgsize) AS bytes
       FROM dbstat GROUP BY part ORDER BY bytes DESC`,
    )
    .all() as Array<{ part: string; bytes: number }>;
  log(`  by part: ${tables.map((t) => `${t.part} ${(t.bytes / 2 ** 20).toFixed(0)} MB`).join(', ')}`);
} catch {
  log('  (no dbstat in this SQLite: no breakdown by part)');
}

// 2. The searchers: a staff member of one unit (内部 clearance) and a district leader (机密, overseeing every unit).
const staffUnit = 7;
const person = (id: string, unitId: string, roles: BusinessRole[], clearance: number): Subject => ({
  id,
  username: id,
  displayName: id,
  unitId,
  clearance,
  adminRole: null,
  roles,
});
const searchers = [
  {
    name: 'staff',
    ...searcher(
      person(corpus.people.staffOf[staffUnit]![0]!, corpus.units[staffUnit]!.id, ['staff'], 1),
      new Set(),
      [],
    ),
  },
  {
    name: 'leader',
    ...searcher(
      person(corpus.people.districtLeaders[0]!, corpus.units[0]!.id, ['leader'], 3),
      new Set(corpus.units.map((u) => u.id)),
      [],
    ),
  },
];

// 3. Twenty queries a district's staff type: topics, phrases, a 文号, short words, with and without filters.
const staffUnitId = corpus.units[staffUnit]!.id;
const QUERIES: Array<Omit<SearchQuery, 'page'>> = [
  { q: '安全' },
  { q: '防汛' },
  { q: '预算' },
  { q: '河长制' },
  { q: '营商环境' },
  { q: '乡村振兴' },
  { q: '垃圾分类' },
  { q: '老旧小区改造' },
  { q: '养老服务体系建设' },
  { q: '〔2026〕5号' },
  { q: '食品安全 抽检' },
  { q: '消防通道堵塞' },
  { q: '森林防火', kind: 'officialDoc' },
  { q: '招商引资', docType: 'notice' },
  { q: '整改', kind: 'task', status: 'in_progress' },
  { q: '数字政府', from: '2026-09-01', to: '2026-11-30' },
  { q: '安全生产', classification: 1 },
  { q: '隐患排查', unitId: staffUnitId },
  { q: '专项资金', sort: 'date' },
  { q: '请示', kind: 'officialDoc', docType: 'request', status: 'finished' },
];
for (const q of QUERIES) {
  const length = [...q.q.replace(/\s/g, '')].length;
  if (length < 2 || length > 8) throw new RangeError(`query “${q.q}” is not 2–8 characters`);
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const sortNumbers = (xs: number[]) => [...xs].sort((a, b) => a - b);

/**
 * The LIKE baseline: every term as a substring of the title or the text, under the same read rules and filters, counted
 * up to the same limit as the API's total, and its first page by date.
 */
function likeSearch(query: SearchQuery, tokens: readonly string[], clearance: number) {
  const sql = searchSql(query, tokens, clearance);
  const terms = queryTerms(query.q);
  const params: Record<string, string | number> = { ...sql.params };
  const text = terms.map((t, i) => {
    params[`like${i}`] = `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return `(p.title LIKE @like${i} ESCAPE '\\' OR p.body LIKE @like${i} ESCAPE '\\')`;
  });
  const from = 'item i JOIN plain.doc p ON p.id = i.id';
  const where = [...text, sql.rules].join(' AND ');
  const counted = (
    index.db
      .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${SEARCH_COUNT_LIMIT + 1})`)
      .get(params) as { n: number }
  ).n;
  const total = Math.min(counted, SEARCH_COUNT_LIMIT);
  const rows = index.db
    .prepare(`SELECT i.id FROM ${from} WHERE ${where} ORDER BY i.date DESC, i.id LIMIT 20`)
    .all(params);
  return { total, totalCapped: counted > SEARCH_COUNT_LIMIT, rows: rows.length };
}
index.db.prepare('ATTACH DATABASE ? AS plain').run(plainFile);

interface Row {
  query: string;
  who: string;
  total: string;
  p50: number;
  p99: number;
  likeTotal: string;
  likeP50: number;
}
const rows: Row[] = [];
const shownTotal = (page: { total: number; totalCapped: boolean }) => `${page.total}${page.totalCapped ? '+' : ''}`;
const allSearch: number[] = [];
const allLike: number[] = [];
const describe = (q: Omit<SearchQuery, 'page'>) =>
  [q.q, ...Object.entries(q).flatMap(([k, v]) => (k === 'q' ? [] : [`${k}=${String(v)}`]))].join(' ');

for (const who of searchers) {
  for (const q of QUERIES) {
    const query: SearchQuery = { ...q, page: 1 };
    const times: number[] = [];
    let total = '';
    // One untimed run warms the page cache for this query, as a busy server's would be.
    for (let rep = 0; rep <= REPS; rep++) {
      const t = performance.now();
      const sql = searchSql(query, who.tokens, who.clearance);
      const page = searchPage(index.db, sql, 1);
      total = shownTotal(page);
      if (rep > 0) times.push(performance.now() - t);
    }
    const likeTimes: number[] = [];
    let likeTotal = '';
    for (let rep = 0; rep < LIKE_REPS; rep++) {
      const t = performance.now();
      likeTotal = shownTotal(likeSearch(query, who.tokens, who.clearance));
      likeTimes.push(performance.now() - t);
    }
    allSearch.push(...times);
    allLike.push(...likeTimes);
    const sorted = sortNumbers(times);
    rows.push({
      query: describe(q),
      who: who.name,
      total,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      likeTotal,
      likeP50: percentile(sortNumbers(likeTimes), 50),
    });
  }
}

// 4. The table, then the JSON line.
const pad = (s: string | number, n: number) => String(s).padStart(n);
const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
log('');
log(
  `${padEnd('query', 44)} ${padEnd('as', 6)} ${pad('hits', 7)} ${pad('p50 ms', 8)} ${pad('p99 ms', 8)} ${pad('LIKE hits', 9)} ${pad('LIKE ms', 8)}`,
);
for (const r of rows)
  log(
    `${padEnd(r.query, 44)} ${padEnd(r.who, 6)} ${pad(r.total, 7)} ${pad(r.p50.toFixed(1), 8)} ${pad(r.p99.toFixed(1), 8)} ${pad(r.likeTotal, 9)} ${pad(r.likeP50.toFixed(0), 8)}`,
  );
const mismatched = rows.filter((r) => r.total !== r.likeTotal);
const searchSorted = sortNumbers(allSearch);
const likeSorted = sortNumbers(allLike);
log('');
log(
  `search: ${allSearch.length} timed queries, p50 ${percentile(searchSorted, 50).toFixed(1)} ms, p99 ${percentile(searchSorted, 99).toFixed(1)} ms (target < 50 ms)`,
);
log(
  `LIKE:   ${allLike.length} timed queries, p50 ${percentile(likeSorted, 50).toFixed(0)} ms, p99 ${percentile(likeSorted, 99).toFixed(0)} ms`,
);
log(
  mismatched.length === 0
    ? 'totals: the index and the LIKE scan agree on every query'
    : `totals differ from the LIKE scan on ${mismatched.length} queries: ${mismatched.map((r) => `${r.query} (${r.who}) ${r.total}≠${r.likeTotal}`).join('; ')}`,
);
log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores`,
);

index.close();
plain.close();
if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
log(
  JSON.stringify({
    search_p99_ms: Number(percentile(searchSorted, 99).toFixed(1)),
    like_p99_ms: Number(percentile(likeSorted, 99).toFixed(0)),
    index_mb: Number(indexMb.toFixed(0)),
    docs_per_s: Number(docsPerSecond.toFixed(0)),
  }),
);
