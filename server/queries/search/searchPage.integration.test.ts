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

const dated = (e: IndexEntry, date: string): IndexEntry => ({ ...e, date });

/** 月度报表 entries every 7 hours from 2025-10-01 (China) over seven months, every third one of unit u2. */
const monthly = Array.from({ length: 700 }, (_, i) =>
  dated(
    entry(30_000 + i, i % 3 === 2 ? 'unit:u2' : 'unit:u1', `月度报表第${i}项`),
    new Date(Date.parse('2025-09-30T16:00:00Z') + i * 7 * 3_600_000).toISOString(),
  ),
);

beforeAll(() => {
  const mine = Array.from({ length: SEARCH_COUNT_LIMIT + 5 }, (_, i) => entry(i, 'unit:u1', `防汛检查第${i}项`));
  const others = Array.from({ length: 10 }, (_, i) => entry(10_000 + i, 'unit:u2', `防汛值班第${i}项`));
  const few = [0, 1, 2].map((i) => entry(20_000 + i, 'unit:u1', `森林防火巡查第${i}项`));
  // Around the end of January in China time (UTC+8): the last minutes of 31 January and the first of 1 February.
  const boundary = [
    dated(entry(40_000, 'unit:u1', '汛期巡查一月末'), '2026-01-31T15:59:00.000Z'),
    dated(entry(40_001, 'unit:u1', '汛期巡查二月初'), '2026-01-31T16:00:00.000Z'),
    dated(entry(40_002, 'unit:u1', '汛期巡查三月初'), '2026-02-28T16:30:00.000Z'),
  ];
  // Written in two halves, newest first, so the index's row order is not the date order.
  index.apply([...mine, ...others, ...few, ...boundary, ...monthly.slice(350).reverse(), ...monthly.slice(0, 350)]);
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

  it('filters by China calendar days, across a month boundary, as the dates say', () => {
    const found = (filters: Omit<SearchQuery, 'q' | 'page'>) =>
      searchPage(index.db, searchSql({ q: '汛期巡查', page: 1, ...filters }, ['unit:u1'], 1), 1)
        .rows.map((r) => r.title.map((p) => p.text).join(''))
        .sort();
    expect(found({ from: '2026-02-01', to: '2026-02-28' })).toEqual(['汛期巡查二月初']);
    expect(found({ to: '2026-01-31' })).toEqual(['汛期巡查一月末']);
    expect(found({ from: '2026-01-31', to: '2026-01-31' })).toEqual(['汛期巡查一月末']);
    expect(found({ from: '2026-02-01' })).toEqual(['汛期巡查三月初', '汛期巡查二月初']);
    expect(found({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['汛期巡查三月初']);
    expect(found({ from: '2026-03-02' })).toEqual([]);
    expect(found({ from: '2024-01-01', to: '2024-12-31' })).toEqual([]);
    expect(found({ from: '2026-02-05', to: '2026-01-01' })).toEqual([]);
    // A range over more months than narrow the match finds the same.
    expect(found({ from: '2020-01-01', to: '2029-12-31' })).toHaveLength(3);
  });

  it('pages many matches in date order month by month as one sort of every readable match would', () => {
    const readable = monthly.filter((e) => e.grants[0]!.token === 'unit:u1');
    const newest = [...readable].sort((a, b) => (a.date < b.date ? 1 : -1)).map((e) => e.objectId);
    // Past the limit with the 1,005 防汛检查 (all on 1 January) and within it: the same order either way.
    for (const [q, tokens] of [
      ['月度报表', ['unit:u1']],
      ['月度报表 第', ['unit:u1']],
    ] as const) {
      const pages = Array.from({ length: 24 }, (_, p) => search(q, [...tokens], p + 1, 'date'));
      expect(pages[0]).toMatchObject({ total: readable.length, totalCapped: false });
      expect(pages.flatMap((p) => p.rows.map((r) => r.object_id))).toEqual(newest);
    }
    const within = (from: string, to: string) =>
      readable
        .filter((e) => e.date >= new Date(`${from}T00:00:00+08:00`).toISOString())
        .filter((e) => e.date < new Date(`${to}T00:00:00+08:00`).toISOString())
        .sort((a, b) => (a.date < b.date ? 1 : -1))
        .map((e) => e.objectId);
    const ranged = (from: string, to: string, page: number) =>
      searchPage(index.db, searchSql({ q: '月度报表', page, from, to, sort: 'date' }, ['unit:u1'], 1), page);
    expect(ranged('2025-11-15', '2026-01-10', 1).rows.map((r) => r.object_id)).toEqual(
      within('2025-11-15', '2026-01-11').slice(0, 20),
    );
    expect(ranged('2025-11-15', '2026-01-10', 1).total).toBe(within('2025-11-15', '2026-01-11').length);
  });

  it('in date order past the limit, walks the months newest first across the whole range of pages', () => {
    const all = [...monthly, ...Array.from({ length: SEARCH_COUNT_LIMIT + 5 }, (_, i) => entry(i, 'unit:u1', ''))];
    const readable = all.filter((e) => e.grants[0]!.token === 'unit:u1');
    // 项 is in every title: the 防汛检查, 森林防火 and 月度报表 entries, of which unit u1 may read 1,008 + 467.
    const expected = [
      ...readable.map((e) => ({ id: e.objectId, date: e.date })),
      ...[0, 1, 2].map((i) => ({ id: `t${20_000 + i}`, date: entry(20_000 + i, '', '').date })),
    ]
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id.localeCompare(a.id, 'en', { numeric: true })))
      .map((e) => e.id);
    for (const page of [1, 2, 5, 6, 30, 50]) {
      const found = search('项', ['unit:u1'], page, 'date');
      expect(found, `page ${page}`).toMatchObject({ total: SEARCH_COUNT_LIMIT, totalCapped: true });
      expect(
        found.rows.map((r) => r.object_id),
        `page ${page}`,
      ).toEqual(expected.slice((page - 1) * 20, page * 20));
    }
  });
});
