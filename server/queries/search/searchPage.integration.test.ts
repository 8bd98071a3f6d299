// The total of a search page: counted exactly up to SEARCH_COUNT_LIMIT, then capped and flagged; never counting what
// the searcher may not open, whichever side of the limit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_LIMIT } from '../../../common/search/searchApi.ts';
import { SearchIndex, type IndexEntry } from '../../search/searchIndex.ts';
import { searchPage, searchSql, type SearchQuery } from './searchHits.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-search-page-'));
const index = new SearchIndex(path.join(dir, 'search.db'));

const entry = (i: number, token: string, title: string): IndexEntry => ({
  kind: 'task',
  objectId: `t${i}`,
  parentId: `t${i}`,
  title,
  body: '',
  unitId: 'u1',
  docType: null,
  status: 'in_progress',
  classification: 0,
  date: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  grants: [{ token, minClearance: 0 }],
});

beforeAll(() => {
  const mine = Array.from({ length: SEARCH_COUNT_LIMIT + 5 }, (_, i) => entry(i, 'unit:u1', `防汛检查第${i}项`));
  const others = Array.from({ length: 10 }, (_, i) => entry(10_000 + i, 'unit:u2', `防汛值班第${i}项`));
  const few = [0, 1, 2].map((i) => entry(20_000 + i, 'unit:u1', `森林防火巡查第${i}项`));
  index.apply([...mine, ...others, ...few]);
});

afterAll(() => {
  index.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const search = (q: string, tokens: string[], page = 1, sort?: 'date') =>
  searchPage(index.db, searchSql({ q, page, sort }, tokens, 1), page);

describe('searchPage totals', () => {
  it('counts past the limit as the limit, flagged', () => {
    const page = search('防汛', ['unit:u1']);
    expect(page.total).toBe(SEARCH_COUNT_LIMIT);
    expect(page.totalCapped).toBe(true);
    expect(page.rows).toHaveLength(20);
  });

  it('counts exactly below the limit, unflagged', () => {
    expect(search('森林防火', ['unit:u1'])).toMatchObject({ total: 3, totalCapped: false });
  });

  it('never counts what the searcher may not open', () => {
    expect(search('防汛值班', ['unit:u1'])).toMatchObject({ total: 0, totalCapped: false });
    expect(search('防汛', ['unit:u2'])).toMatchObject({ total: 10, totalCapped: false });
  });

  it('pages many matches newest first, the same whether the first pages walk the dates or not', () => {
    // Readable 防汛 entries, newest first; the unreadable ones (unit:u2) are newer still and must not show.
    const expected = Array.from({ length: 7 * 20 }, (_, i) => `t${SEARCH_COUNT_LIMIT + 4 - i}`);
    for (const [q, sort] of [
      ['防汛', undefined],
      ['防汛检查', 'date'],
    ] as const) {
      const found = [1, 2, 3, 4, 5, 6, 7].flatMap((p) => search(q, ['unit:u1'], p, sort).rows.map((r) => r.object_id));
      expect(found, q).toEqual(expected);
    }
  });

  it('ranks, past the limit, as many readable matches as the total counts, every page from the same set', () => {
    const found = [1, 2, 3, 4, 5, 6, 7].flatMap((p) => search('防汛检查', ['unit:u1'], p).rows.map((r) => r.object_id));
    expect(found).toHaveLength(7 * 20);
    expect(new Set(found).size).toBe(found.length);
    // The SEARCH_COUNT_LIMIT readable matches indexed last: the five indexed first (t0–t4) are past the limit.
    const mine = new Set(Array.from({ length: SEARCH_COUNT_LIMIT }, (_, i) => `t${i + 5}`));
    expect(found.filter((id) => !mine.has(id))).toEqual([]);
    expect(search('防汛检查', ['unit:u2'])).toMatchObject({ total: 0, totalCapped: false, rows: [] });
  });

  it('filters by the facts the match narrows by as by the columns, and a fact no entry holds finds nothing', () => {
    const filtered = (filters: Omit<SearchQuery, 'q' | 'page'>) =>
      searchPage(index.db, searchSql({ q: '森林防火', page: 1, ...filters }, ['unit:u1'], 1), 1).total;
    expect(filtered({ kind: 'task', unitId: 'u1', status: 'in_progress', classification: 0 })).toBe(3);
    expect(filtered({ kind: 'officialDoc' })).toBe(0);
    expect(filtered({ unitId: 'u2' })).toBe(0);
    expect(filtered({ status: 'done' })).toBe(0);
    expect(filtered({ classification: 1 })).toBe(0);
    expect(filtered({ docType: 'notice' })).toBe(0);
  });
});
