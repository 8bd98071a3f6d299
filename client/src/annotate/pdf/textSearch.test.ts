import { describe, expect, it } from 'vitest';
import { findOnPage } from './textSearch.ts';

describe('findOnPage', () => {
  it('finds a phrase split across text items and line breaks', () => {
    const items = ['关于冬季安全', '生产工作', '方案的请示', '安全生产责任制'];
    expect(findOnPage(3, items, '安全生产')).toEqual([
      {
        page: 3,
        ranges: [
          { item: 0, start: 4, end: 6 },
          { item: 1, start: 0, end: 2 },
        ],
      },
      { page: 3, ranges: [{ item: 3, start: 0, end: 4 }] },
    ]);
  });

  it('ignores case, spaces in the text and in the query, and full-width forms', () => {
    const items = ['Winter  Safety', 'PLAN ２０２６'];
    expect(findOnPage(1, items, 'safety plan')).toEqual([
      {
        page: 1,
        ranges: [
          { item: 0, start: 8, end: 14 },
          { item: 1, start: 0, end: 4 },
        ],
      },
    ]);
    expect(findOnPage(1, items, '2026')).toEqual([{ page: 1, ranges: [{ item: 1, start: 5, end: 9 }] }]);
  });

  it('finds nothing for an empty query or a missing phrase', () => {
    expect(findOnPage(1, ['abc'], '   ')).toEqual([]);
    expect(findOnPage(1, ['abc'], 'abd')).toEqual([]);
    expect(findOnPage(1, [], 'a')).toEqual([]);
  });
});
