// Search in a PDF's text layer: the page's text items joined, spaces and line breaks ignored (Chinese text is often
// split into items mid-phrase), case-insensitive; each match mapped back to the items and characters to highlight.

export interface ItemRange {
  item: number;
  start: number;
  end: number;
}

export interface PageMatch {
  /** 1-based page number. */
  page: number;
  /** One match may span several text items. */
  ranges: ItemRange[];
}

const IGNORED = /\s/u;

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** Matches of `query` on one page whose text items are `items`, in reading order. */
export function findOnPage(page: number, items: readonly string[], query: string): PageMatch[] {
  const needle = [...fold(query)].filter((c) => !IGNORED.test(c)).join('');
  if (!needle) return [];
  // The page's searchable characters and where each came from.
  let text = '';
  const from: Array<{ item: number; offset: number }> = [];
  items.forEach((raw, item) => {
    // Folding (NFKC) may change lengths; fold character by character so offsets stay those of the original string.
    let offset = 0;
    for (const char of raw) {
      const folded = fold(char);
      if (!IGNORED.test(folded)) {
        for (const c of folded) {
          text += c;
          from.push({ item, offset });
        }
      }
      offset += char.length;
    }
  });
  const matches: PageMatch[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const ranges: ItemRange[] = [];
    for (let k = at; k < at + needle.length; k++) {
      const { item, offset } = from[k]!;
      const last = ranges[ranges.length - 1];
      const end = offset + (items[item]!.codePointAt(offset)! > 0xffff ? 2 : 1);
      if (last && last.item === item) last.end = Math.max(last.end, end);
      else ranges.push({ item, start: offset, end });
    }
    matches.push({ page, ranges });
  }
  return matches;
}
