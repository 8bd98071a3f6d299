// Full-text search for one person: the read rules are part of the query (a hit needs one of the person's grant
// tokens, with the clearance its grant asks), so a page, its total and its paging only ever count what they may open.
// Terms of three characters or more match through the trigram index, shorter ones through the bigram side index.
import {
  SEARCH_COUNT_LIMIT,
  SEARCH_PAGE_SIZE,
  type SearchHit,
  type SearchKind,
  type SearchPage,
} from '../../../common/search/searchApi.ts';
import type Database from 'better-sqlite3';
import type { Subject } from '../../auth/subject.ts';
import type { CoreServices } from '../../coreServices.ts';
import {
  bigramQuery,
  markTerms,
  queryTerms,
  snippetOf,
  trigramPhrase,
  usesTrigrams,
} from '../../domain/search/searchText.ts';
import { searcher } from '../../policies/searchGrants.ts';
import { FACT_CLEARANCE, MONTH_FACT, factTokens } from '../../search/searchIndex.ts';
import { principalsOf } from '../officialDocs/officialDocFacts.ts';
import { oversightOf } from '../supervision/oversight.ts';

export interface SearchQuery {
  q: string;
  kind?: SearchKind | undefined;
  /** 文种 of a 公文 (or a meeting's type). */
  docType?: string | undefined;
  unitId?: string | undefined;
  /** Inclusive China calendar days, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  /** 密级: exactly this classification. */
  classification?: number | undefined;
  status?: string | undefined;
  sort?: 'relevance' | 'date' | undefined;
  page: number;
}

interface Row {
  id: number;
  kind: SearchKind;
  object_id: string;
  parent_id: string;
  unit_id: string;
  doc_type: string | null;
  status: string;
  classification: number;
  date: string;
}

/** The start of a China calendar day as the ISO instant the index stores dates in. */
const chinaDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const nextDay = (day: string) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);

/**
 * The SQL of a search: FROM and WHERE (shared by the page and its total) and the parameters. The full-text table the
 * search is driven by (`driver`) is the trigram one when a term has three characters or more, else the bigram one; the
 * other is a set of row ids. `rules` is the WHERE without the text match (read rules and filters), for the bench's
 * LIKE scan over the same rows. `nothing`: a term can match nothing.
 */
export function searchSql(query: SearchQuery, tokens: readonly string[], clearance: number) {
  const terms = queryTerms(query.q);
  const tri = terms.filter(usesTrigrams).map(trigramPhrase);
  const bi = terms.filter((t) => !usesTrigrams(t)).map(bigramQuery);
  const params: Record<string, string | number> = { tokens: JSON.stringify(tokens), clearance };
  // The text match reads the text columns only; searchPage adds the searcher's grant codes to it (readableMatch).
  const triText = tri.length > 0 ? `{title body} : (${tri.join(' AND ')})` : null;
  const biText = bi.length > 0 && !bi.some((b) => b === null) ? `grams : (${bi.join(' AND ')})` : null;
  const where = [
    'i.classification <= @clearance',
    `EXISTS (SELECT 1 FROM item_grant g WHERE g.item = i.id AND g.min_clearance <= @clearance
       AND +g.token IN (SELECT value FROM json_each(@tokens)))`,
  ];
  const text: string[] = [];
  // A short term with no letter or digit in it can match nothing.
  const nothing = bi.some((b) => b === null) || terms.length === 0;
  const driver = tri.length > 0 ? 'text_tri' : 'text_bi';
  const from = `${driver} JOIN item i ON i.id = ${driver}.rowid`;
  if (triText !== null) {
    text.push('text_tri MATCH @tri');
    params.tri = triText;
  }
  if (biText !== null) {
    // Beside trigram terms, the bigram matches are a set of row ids, tested before the item is read.
    text.push(
      tri.length > 0 ? 'text_tri.rowid IN (SELECT rowid FROM text_bi WHERE text_bi MATCH @bi)' : 'text_bi MATCH @bi',
    );
    params.bi = biText;
  }
  const filter = (sql: string, key: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(sql);
    params[key] = value;
  };
  filter('i.kind = @kind', 'kind', query.kind);
  filter('i.doc_type = @docType', 'docType', query.docType);
  filter('i.unit_id = @unitId', 'unitId', query.unitId);
  filter('i.date >= @from', 'from', query.from && chinaDayStart(query.from));
  filter('i.date < @to', 'to', query.to && chinaDayStart(nextDay(query.to)));
  filter('i.classification = @classification', 'classification', query.classification);
  filter('i.status = @status', 'status', query.status);
  // Newest first among equals, with the newest id first (byRank, newerFirst below).
  const byDate = query.sort === 'date' || tri.length === 0;
  // bm25 counts every row each phrase matches (its weight), unread in date order.
  const score = byDate ? '0' : 'bm25(text_tri, 5.0, 1.0, 0.0)';
  const facts = factTokens(query);
  return {
    terms,
    facts,
    days: { from: query.from, to: query.to },
    tokens,
    clearance,
    nothing,
    driver,
    from,
    where: [...text, ...where].join(' AND '),
    rules: where.join(' AND '),
    params,
    score,
    byDate,
  };
}

/**
 * Most codes a searcher's grants may have for the text match to be narrowed by them. Few codes (a unit's staff, its
 * clerks) read a small share of the index, and intersecting postings skips the rest; a leader overseeing many units
 * holds hundreds and reads most of it, where merging that many postings costs more than checking the matches.
 */
const NARROW_MAX_CODES = 64;

/**
 * The codes of the grants a searcher holds (their tokens at every clearance up to theirs), as the index's text tables
 * carry them (searchIndex.ts).
 */
function grantCodes(db: Database.Database, tokens: readonly string[], clearance: number): string[] {
  return (
    db
      .prepare<{ tokens: string; clearance: number }, { code: string }>(
        `SELECT code FROM grant_code WHERE min_clearance >= 0 AND min_clearance <= @clearance
           AND token IN (SELECT value FROM json_each(@tokens))`,
      )
      .all({ tokens: JSON.stringify(tokens), clearance }) as Array<{ code: string }>
  ).map((r) => r.code);
}

/** The codes of the filters' facts (searchIndex.ts factTokens), or null when one of them is no entry's. */
function factCodes(db: Database.Database, tokens: readonly string[]): string[] | null {
  if (tokens.length === 0) return [];
  const rows = db
    .prepare<{ tokens: string; fact: number }, { code: string }>(
      `SELECT code FROM grant_code WHERE min_clearance = @fact AND token IN (SELECT value FROM json_each(@tokens))`,
    )
    .all({ tokens: JSON.stringify(tokens), fact: FACT_CLEARANCE });
  return rows.length === new Set(tokens).size ? rows.map((r) => r.code) : null;
}

/**
 * Most months a date range may touch for them to narrow the text match: each is a posting list the match merges, and a
 * range over most of the index would narrow little for that cost.
 */
const NARROW_MAX_MONTHS = 24;

/**
 * The codes of the months (searchIndex.ts monthToken) some entry is dated in, newest first: all of them, or those a
 * date range touches. Days are `YYYY-MM-DD` (the route's schema), so a day's month is its first seven characters and
 * month tokens sort as text.
 */
function monthCodes(db: Database.Database, days: { from?: string | undefined; to?: string | undefined }): string[] {
  return db
    .prepare<{ fact: number; low: string; high: string }, { code: string }>(
      `SELECT code FROM grant_code WHERE min_clearance = @fact AND token >= @low AND token <= @high
       ORDER BY token DESC`,
    )
    .all({
      fact: FACT_CLEARANCE,
      low: MONTH_FACT + (days.from?.slice(0, 7) ?? ''),
      // '~' sorts after every digit and '-': with no end, every month from the start.
      high: MONTH_FACT + (days.to?.slice(0, 7) ?? '~'),
    })
    .map((r) => r.code);
}

/** Codes as a condition on the text tables' grants column: one of them (private-use characters need no quoting). */
const anyCode = (codes: readonly string[]) => `grants : (${codes.map((c) => `"${c}"`).join(' OR ')})`;

/**
 * The text matches narrowed by conditions on the grants column (anyCode), so the full-text index intersects the
 * postings of the words with those of the codes while it matches, and the rules in the WHERE (item_grant, the filters'
 * columns, still there) are checked only for rows that may pass them.
 */
function narrowed(params: Record<string, string | number>, conditions: readonly string[]) {
  if (conditions.length === 0) return params;
  const readable = conditions.join(' AND ');
  const out = { ...params };
  if (typeof out.tri === 'string') out.tri = `${out.tri} AND ${readable}`;
  if (typeof out.bi === 'string') out.bi = `${out.bi} AND ${readable}`;
  return out;
}

interface Candidate {
  id: number;
  date: string;
  score: number;
}

const newerFirst = (a: Candidate, b: Candidate) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id);
const byRank = (a: Candidate, b: Candidate) => a.score - b.score || newerFirst(a, b);

/**
 * One page of a search and its total, straight from the index (both under the same WHERE, so the total counts only
 * what the page may show; up to SEARCH_COUNT_LIMIT), with the title and snippet marked. Synchronous: the bench times
 * exactly this.
 *
 * One query reads the readable matches from the full-text index's newest row down, up to one past the limit: their
 * number is the total, and they are the set a page is cut from (sorted here), except in date order past the limit.
 * Past the limit in relevance order, the ranked set is the SEARCH_COUNT_LIMIT readable matches written to the index
 * last, as many as the total says, rather than scoring and checking the read rules of every match; every page ranks
 * the same set. Past the limit in date order, the pages are found month by month, newest first (each month's matches
 * narrowed by its code and sorted), until the page is filled, rather than by sorting every match.
 */
export function searchPage(db: Database.Database, sql: ReturnType<typeof searchSql>, page: number) {
  // One read transaction: the total and the page see the same state of the index, whatever the indexer writes.
  return db.transaction(() => readPage(db, sql, page))();
}

function readPage(db: Database.Database, sql: ReturnType<typeof searchSql>, page: number) {
  const none = { total: 0, totalCapped: false, rows: [] };
  if (sql.nothing) return none;
  const codes = grantCodes(db, sql.tokens, sql.clearance);
  // Holding no grant of anything in the index, the searcher may read nothing in it (item_grant has no other rows).
  if (codes.length === 0) return none;
  const facts = factCodes(db, sql.facts);
  // A filter no entry's facts hold matches nothing.
  if (facts === null) return none;
  const ranged = sql.days.from !== undefined || sql.days.to !== undefined;
  const months = ranged || sql.byDate ? monthCodes(db, sql.days) : [];
  // No entry is dated in the months the range touches.
  if (ranged && months.length === 0) return none;
  const conditions = [...(codes.length <= NARROW_MAX_CODES ? [anyCode(codes)] : []), ...facts.map((c) => anyCode([c]))];
  const params = narrowed(
    sql.params,
    ranged && months.length <= NARROW_MAX_MONTHS ? [...conditions, anyCode(months)] : conditions,
  );
  const candidates = db
    .prepare(
      `SELECT i.id, i.date, ${sql.score} AS score FROM ${sql.from} WHERE ${sql.where}
       ORDER BY ${sql.driver}.rowid DESC LIMIT @limit`,
    )
    .all({ ...params, limit: SEARCH_COUNT_LIMIT + 1 }) as Candidate[];
  const total = Math.min(candidates.length, SEARCH_COUNT_LIMIT);
  const totalCapped = candidates.length > SEARCH_COUNT_LIMIT;
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  let ids: number[];
  if (totalCapped && sql.byDate) {
    const walk = db.prepare(
      `SELECT i.id FROM ${sql.from} WHERE ${sql.where} ORDER BY i.date DESC, i.id DESC LIMIT @limit`,
    );
    ids = [];
    for (const month of months) {
      if (ids.length >= offset + SEARCH_PAGE_SIZE) break;
      const rows = walk.all({
        ...narrowed(sql.params, [...conditions, anyCode([month])]),
        limit: offset + SEARCH_PAGE_SIZE - ids.length,
      }) as Array<{ id: number }>;
      ids.push(...rows.map((r) => r.id));
    }
    ids = ids.slice(offset);
  } else {
    ids = candidates
      .slice(0, SEARCH_COUNT_LIMIT)
      .sort(sql.byDate ? newerFirst : byRank)
      .slice(offset, offset + SEARCH_PAGE_SIZE)
      .map((c) => c.id);
  }
  const item = db.prepare<[number], Row>(
    `SELECT id, kind, object_id, parent_id, unit_id, doc_type, status, classification, date FROM item WHERE id = ?`,
  );
  const text = db.prepare<[number], { title: string; body: string }>(
    'SELECT title, body FROM text_tri WHERE rowid = ?',
  );
  const rows = ids.flatMap((id) => {
    const r = item.get(id);
    const t = text.get(id) ?? { title: '', body: '' };
    return r ? [{ ...r, title: markTerms(t.title, sql.terms), snippet: snippetOf(t.body, sql.terms) }] : [];
  });
  return { total, totalCapped, rows };
}

/** The tokens and clearance a person searches with; administrators hold no tokens and find nothing. */
export async function searcherOf(svc: CoreServices, subject: Subject, now: Date) {
  const [oversight, principals] = await Promise.all([
    oversightOf(svc.db, subject),
    principalsOf(svc.db, subject.id, now),
  ]);
  return searcher(subject, oversight, principals);
}

export async function searchHits(
  svc: CoreServices,
  subject: Subject,
  query: SearchQuery,
  now: Date,
): Promise<SearchPage> {
  const empty = { total: 0, totalCapped: false, page: query.page, pageSize: SEARCH_PAGE_SIZE, hits: [] };
  const { tokens, clearance } = await searcherOf(svc, subject, now);
  const sql = searchSql(query, tokens, clearance);
  if (tokens.length === 0 || sql.terms.length === 0) return empty;
  const { total, totalCapped, rows } = searchPage(svc.search.db, sql, query.page);
  const units = new Map(
    (
      await svc.db.unit.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.unit_id))] } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const hits: SearchHit[] = rows.map((r) => ({
    kind: r.kind,
    id: r.object_id,
    parentId: r.parent_id,
    title: r.title,
    snippet: r.snippet,
    unitId: r.unit_id,
    unitName: units.get(r.unit_id) ?? '',
    docType: r.doc_type,
    status: r.status,
    classification: r.classification,
    date: r.date,
  }));
  return { ...empty, total, totalCapped, hits };
}
