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
import { FACT_CLEARANCE, factTokens } from '../../search/searchIndex.ts';
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
 * The SQL of a search: FROM and WHERE (shared by the page and its total) and the parameters. `rules` is the WHERE
 * without the text match (read rules and filters), for the bench's LIKE scan over the same rows. `walkWhere` is the
 * same WHERE with the text match as a set of row ids, for walking the items newest first (see searchPage).
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
       AND g.token IN (SELECT value FROM json_each(@tokens)))`,
  ];
  const text: string[] = [];
  const walkText: string[] = [];
  let from = 'item i';
  if (tri.length > 0) {
    from = 'text_tri JOIN item i ON i.id = text_tri.rowid';
    text.push('text_tri MATCH @tri');
    walkText.push('i.id IN (SELECT rowid FROM text_tri WHERE text_tri MATCH @tri)');
    params.tri = triText!;
  }
  if (bi.length > 0) {
    // A short term with no letter or digit in it can match nothing.
    if (bi.some((b) => b === null)) text.push('0');
    else {
      text.push('i.id IN (SELECT rowid FROM text_bi WHERE text_bi MATCH @bi)');
      walkText.push('i.id IN (SELECT rowid FROM text_bi WHERE text_bi MATCH @bi)');
      params.bi = biText!;
    }
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
  const score = tri.length > 0 ? 'bm25(text_tri, 5.0, 1.0, 0.0)' : '0';
  // Newest first among equals, with the newest id first: the order of the date index walked backwards.
  const byDate = query.sort === 'date' || score === '0';
  const order = byDate ? 'i.date DESC, i.id DESC' : 'score, i.date DESC, i.id DESC';
  const facts = factTokens(query);
  return {
    terms,
    facts,
    tokens,
    clearance,
    from,
    where: [...text, ...where].join(' AND '),
    rules: where.join(' AND '),
    walkWhere: [...(text.includes('0') ? ['0'] : walkText), ...where].join(' AND '),
    params,
    score,
    order,
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
 * The text matches narrowed to the rows whose grants column holds one of the searcher's codes, so the full-text
 * index intersects the postings of the words with those of the grants while it matches, and the read rule below
 * (item_grant, still in the WHERE) is checked only for rows that may pass it. Codes are private-use characters and
 * need no quoting.
 */
function readableMatch(params: Record<string, string | number>, codes: readonly string[], facts: readonly string[]) {
  const readable = [
    ...(codes.length > 0 ? [`grants : (${codes.map((c) => `"${c}"`).join(' OR ')})`] : []),
    ...facts.map((c) => `grants : "${c}"`),
  ].join(' AND ');
  if (readable === '') return params;
  const out = { ...params };
  if (typeof out.tri === 'string') out.tri = `${out.tri} AND ${readable}`;
  if (typeof out.bi === 'string') out.bi = `${out.bi} AND ${readable}`;
  return out;
}

/** Pages found by walking the date index when the matches are many (searchPage). */
const WALK_PAGES = 5;

/**
 * One page of a search and its total, straight from the index (both under the same WHERE, so the total counts only
 * what the page may show; up to SEARCH_COUNT_LIMIT), with the title and snippet marked. Synchronous: the bench times
 * exactly this.
 */
export function searchPage(db: Database.Database, sql: ReturnType<typeof searchSql>, page: number) {
  const codes = grantCodes(db, sql.tokens, sql.clearance);
  // Holding no grant of anything in the index, the searcher may read nothing in it (item_grant has no other rows).
  if (codes.length === 0) return { total: 0, totalCapped: false, rows: [] };
  const facts = factCodes(db, sql.facts);
  // A filter no entry's facts hold matches nothing.
  if (facts === null) return { total: 0, totalCapped: false, rows: [] };
  const params = readableMatch(sql.params, codes.length <= NARROW_MAX_CODES ? codes : [], facts);
  const counted = (
    db
      .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${sql.from} WHERE ${sql.where} LIMIT @countLimit)`)
      .get({ ...params, countLimit: SEARCH_COUNT_LIMIT + 1 }) as { n: number }
  ).n;
  const total = Math.min(counted, SEARCH_COUNT_LIMIT);
  const totalCapped = counted > SEARCH_COUNT_LIMIT;
  // With many readable matches in date order, the first pages are found by walking the items newest first and
  // stopping at the page (a few thousand rows at most), rather than checking the read rules of every match to sort
  // them. Deeper pages, and fewer matches, are cheaper from the matches.
  const walk = totalCapped && sql.byDate && page <= WALK_PAGES;
  // Past the limit in relevance order, the ranked set is the SEARCH_COUNT_LIMIT readable matches written to the index
  // last (the full-text index yields them from its newest row down and stops there), as many as the total says,
  // rather than scoring and checking the read rules of every match; every page ranks the same set.
  const ranked = totalCapped && !sql.byDate;
  const columns = 'i.id, i.kind, i.object_id, i.parent_id, i.unit_id, i.doc_type, i.status, i.classification, i.date';
  const found = db
    .prepare(
      walk
        ? `SELECT ${columns} FROM item i INDEXED BY item_date WHERE ${sql.walkWhere}
           ORDER BY i.date DESC, i.id DESC LIMIT @limit OFFSET @offset`
        : ranked
          ? `SELECT ${columns}, c.score FROM (
               SELECT i.id AS cid, ${sql.score} AS score FROM ${sql.from} WHERE ${sql.where}
               ORDER BY text_tri.rowid DESC LIMIT @countLimit
             ) c JOIN item i ON i.id = c.cid
             ORDER BY ${sql.order} LIMIT @limit OFFSET @offset`
          : `SELECT ${columns}, ${sql.score} AS score FROM ${sql.from} WHERE ${sql.where}
           ORDER BY ${sql.order} LIMIT @limit OFFSET @offset`,
    )
    .all({
      ...params,
      countLimit: SEARCH_COUNT_LIMIT,
      limit: SEARCH_PAGE_SIZE,
      offset: (page - 1) * SEARCH_PAGE_SIZE,
    }) as Row[];
  const text = db.prepare<[number], { title: string; body: string }>(
    'SELECT title, body FROM text_tri WHERE rowid = ?',
  );
  const rows = found.map((r) => {
    const t = text.get(r.id) ?? { title: '', body: '' };
    return { ...r, title: markTerms(t.title, sql.terms), snippet: snippetOf(t.body, sql.terms) };
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
