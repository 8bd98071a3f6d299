// The first page of the notification list, read so that it does not undo what arrived live meanwhile. A page read while
// a notification (or a new unread count) is pushed may have been taken before it: replacing the list with that page
// would drop the notification just shown, and its count — e.g. one pushed while the first load and the reload on
// connecting are both under way. Such a page is read again; after `reads` reads the last one is taken with the live
// notifications it lacks put first, and without its unread count (the pushed one is newer).

/** What the live handlers note: every event counted; the notifications kept only while a page is being read. */
export interface LiveNotes<N> {
  events: number;
  arrived: N[];
  /** Reads under way (arrivals are kept only then, so nothing piles up between reloads). */
  reading: number;
}

export const liveNotes = <N>(): LiveNotes<N> => ({ events: 0, arrived: [], reading: 0 });

/** What a live handler calls: a pushed notification, or (without one) a pushed unread count. */
export function noteLive<N>(live: LiveNotes<N>, notification?: N): void {
  live.events++;
  if (notification !== undefined && live.reading > 0) live.arrived = [notification, ...live.arrived];
}

export async function readFirstPage<N extends { id: string }>(
  read: () => Promise<{ items: N[]; unread: number }>,
  live: LiveNotes<N>,
  reads = 3,
): Promise<{ items: N[]; unread: number | null }> {
  live.reading++;
  try {
    for (let attempt = 1; ; attempt++) {
      const seen = live.events;
      live.arrived = [];
      const page = await read();
      if (live.events !== seen && attempt < reads) continue;
      const missing = live.arrived.filter((n) => !page.items.some((x) => x.id === n.id));
      return { items: [...missing, ...page.items], unread: live.events === seen ? page.unread : null };
    }
  } finally {
    if (--live.reading === 0) live.arrived = [];
  }
}
