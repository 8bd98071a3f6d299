// Which tiles the grid shows: how many fit the screen, in what order, which page, and the simulcast layer that suits
// their size. Pure, so the paging rules are tested without a browser.

export interface GridSpec {
  /** Tiles on one page. */
  pageSize: number;
  columns: number;
  /** With a shared screen: the tiles form a column beside it (wide) or a row under it (narrow). */
  strip: 'column' | 'row' | null;
}

/**
 * From the width available to the video: desktop 3×3, tablet 2×2, narrow 1×2. With a shared screen the tiles become
 * a column of four beside it when there is room, else a row under it.
 */
export function gridSpec(width: number, withStage: boolean): GridSpec {
  if (withStage) {
    if (width >= 1100) return { pageSize: 4, columns: 1, strip: 'column' };
    return width >= 600 ? { pageSize: 3, columns: 3, strip: 'row' } : { pageSize: 2, columns: 2, strip: 'row' };
  }
  if (width >= 1100) return { pageSize: 9, columns: 3, strip: null };
  if (width >= 600) return { pageSize: 4, columns: 2, strip: null };
  return { pageSize: 2, columns: 1, strip: null };
}

/** Oneself first, then everyone else in the order they came in. */
export function orderTiles(peerIds: readonly string[], selfId: string | null): string[] {
  const others = peerIds.filter((id) => id !== selfId);
  return selfId ? [selfId, ...others] : others;
}

export interface GridPage {
  ids: string[];
  page: number;
  pages: number;
}

/**
 * One page of tiles. Whoever is speaking is always on the first page: if paging would hide them there, they take
 * its last place (and the person they displace moves to the next page).
 */
export function gridPage(
  order: readonly string[],
  requestedPage: number,
  pageSize: number,
  activeSpeaker: string | null,
): GridPage {
  let ids = [...order];
  const at = activeSpeaker ? ids.indexOf(activeSpeaker) : -1;
  if (at >= pageSize) {
    ids.splice(at, 1);
    ids.splice(pageSize - 1, 0, activeSpeaker!);
  }
  const pages = Math.max(1, Math.ceil(ids.length / pageSize));
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  ids = ids.slice(page * pageSize, (page + 1) * pageSize);
  return { ids, page, pages };
}

/**
 * Columns for `tiles` tiles in a width×height area: the count (up to maxColumns) that shows each 16:9 picture largest,
 * so two people on a portrait tablet stack instead of standing in two thin columns.
 */
export function bestColumns(tiles: number, width: number, height: number, maxColumns: number): number {
  let best = 1;
  let bestWidth = 0;
  for (let columns = 1; columns <= Math.max(1, Math.min(maxColumns, tiles)); columns++) {
    const rows = Math.ceil(tiles / columns);
    const shown = Math.min(width / columns, ((height / rows) * 16) / 9);
    if (shown > bestWidth + 0.5) {
      best = columns;
      bestWidth = shown;
    }
  }
  return best;
}

/** Simulcast layer for tiles of this count: big tiles get the top layer, a full grid the lowest. */
export function spatialLayerFor(tiles: number): 0 | 1 | 2 {
  if (tiles <= 2) return 2;
  if (tiles <= 6) return 1;
  return 0;
}
