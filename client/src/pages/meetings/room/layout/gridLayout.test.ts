import { describe, expect, it } from 'vitest';
import { bestColumns, gridPage, gridSpec, orderTiles, spatialLayerFor } from './gridLayout.ts';

const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe('grid layout', () => {
  it.each<[number, boolean, number, number, string | null]>([
    [1440, false, 9, 3, null],
    [1440, true, 4, 1, 'column'],
    [1024, false, 4, 2, null],
    [920, true, 3, 3, 'row'],
    [500, true, 2, 2, 'row'],
    [500, false, 2, 1, null],
  ])('width %i, shared screen %s: %i tiles in %i columns (strip %s)', (width, stage, pageSize, columns, strip) => {
    expect(gridSpec(width, stage)).toEqual({ pageSize, columns, strip });
  });

  it('puts oneself first and keeps the order people came in', () => {
    expect(orderTiles(['a', 'me', 'b'], 'me')).toEqual(['me', 'a', 'b']);
    expect(orderTiles(['a', 'b'], null)).toEqual(['a', 'b']);
  });

  it.each<[string, number, number, string | null, string[], number, number]>([
    ['first page', 10, 0, null, ['p0', 'p1', 'p2', 'p3'], 0, 3],
    ['last page is partial', 10, 2, null, ['p8', 'p9'], 2, 3],
    ['page beyond the end shows the last', 10, 7, null, ['p8', 'p9'], 2, 3],
    ['negative page shows the first', 3, -1, null, ['p0', 'p1', 'p2'], 0, 1],
    ['speaker on the first page stays put', 10, 0, 'p2', ['p0', 'p1', 'p2', 'p3'], 0, 3],
    ['speaker from a later page takes the last place of the first', 10, 0, 'p7', ['p0', 'p1', 'p2', 'p7'], 0, 3],
    ['whoever they displaced opens the second page', 10, 1, 'p7', ['p3', 'p4', 'p5', 'p6'], 1, 3],
    ['nobody at all', 0, 0, null, [], 0, 1],
  ])('%s', (_name, count, page, speaker, ids, shownPage, pages) => {
    expect(gridPage(people(count), page, 4, speaker)).toEqual({ ids, page: shownPage, pages });
  });

  it.each<[string, number, number, number, number, number]>([
    ['two people on a portrait tablet stack', 2, 800, 1100, 2, 1],
    ['two people on a wide desktop sit side by side', 2, 1260, 650, 3, 2],
    ['four on a landscape tablet: two by two', 4, 1000, 650, 2, 2],
    ['nine on a desktop: three by three', 9, 1260, 650, 3, 3],
    ['one person fills the area', 1, 1260, 650, 3, 1],
  ])('%s', (_name, tiles, width, height, max, columns) => {
    expect(bestColumns(tiles, width, height, max)).toBe(columns);
  });

  it.each([
    [1, 2],
    [2, 2],
    [3, 1],
    [6, 1],
    [7, 0],
    [9, 0],
  ])('%i tiles use simulcast layer %i', (tiles, layer) => {
    expect(spatialLayerFor(tiles)).toBe(layer);
  });
});
