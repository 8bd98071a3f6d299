// Colours for people in a document: carets, avatars, tracked changes and version diffs. A person's colour comes from
// their user id, so every participant sees the same colour for the same person without asking the server.

/** Distinguishable on white and on a light highlight, and readable as text colour (WCAG AA for 15 px text). */
export const AUTHOR_PALETTE = [
  '#c0392b',
  '#1f6fb2',
  '#1e8449',
  '#8e44ad',
  '#b9770e',
  '#117a8b',
  '#c2185b',
  '#4e5d94',
  '#6b8e23',
  '#a04000',
  '#2e86c1',
  '#7d3c98',
] as const;

function hash(text: string): number {
  // FNV-1a: tiny, stable across browsers, well spread for uuids.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function authorColor(userId: string): string {
  return AUTHOR_PALETTE[hash(userId) % AUTHOR_PALETTE.length]!;
}

/**
 * Colours for a set of authors shown side by side (a diff, the tracked changes of a document): each keeps their own
 * colour unless someone earlier in id order already has it, then takes the next free one. Everyone looking at the
 * same set of authors gets the same assignment.
 */
export function distinctAuthorColors(userIds: Iterable<string>): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Set<number>();
  for (const id of [...new Set(userIds)].sort()) {
    let index = hash(id) % AUTHOR_PALETTE.length;
    for (let probe = 0; probe < AUTHOR_PALETTE.length && used.has(index); probe++)
      index = (index + 1) % AUTHOR_PALETTE.length;
    used.add(index);
    result.set(id, AUTHOR_PALETTE[index]!);
  }
  return result;
}
