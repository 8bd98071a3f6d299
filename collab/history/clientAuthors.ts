// Who wrote what: the server records, inside each Yjs document, which user each Yjs client id belongs to (learned from
// authenticated connections, never from clients, who cannot write this map). Versions carry it, so a diff can colour
// insertions by author.
import * as Y from 'yjs';

export const CLIENT_AUTHORS_ROOT = 'clientAuthors';

export function clientIdsOf(update: Uint8Array): Set<number> {
  const ids = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) ids.add(struct.id.client);
  return ids;
}

export function authorsMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(CLIENT_AUTHORS_ROOT);
}

/** The client ids in an update that the document does not attribute yet. */
export function unattributed(doc: Y.Doc, update: Uint8Array): number[] {
  const known = authorsMap(doc);
  return [...clientIdsOf(update)].filter((id) => !known.has(String(id)));
}

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** The map's entries in key order, as one comparable string. */
function entriesOf(doc: Y.Doc): string {
  return JSON.stringify([...authorsMap(doc).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Items by client, sorted by clock, to find the one holding an id. */
class ItemIndex {
  private readonly byClient = new Map<number, Y.Item[]>();

  constructor(items: Iterable<Y.Item>) {
    for (const item of items) {
      const list = this.byClient.get(item.id.client);
      if (list) list.push(item);
      else this.byClient.set(item.id.client, [item]);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  find(id: Y.ID | null): Y.Item | null {
    const list = id ? this.byClient.get(id.client) : undefined;
    if (!id || !list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const item = list[mid]!;
      if (id.clock < item.id.clock) hi = mid - 1;
      else if (id.clock >= item.id.clock + item.length) lo = mid + 1;
      else return item;
    }
    return null;
  }

  overlaps(client: number, clock: number, len: number): boolean {
    return (this.byClient.get(client) ?? []).some(
      (item) => clock < item.id.clock + item.length && clock + len > item.id.clock,
    );
  }
}

/** Every item the map holds or held: a key's earlier values stay as deleted items to the left of the current one. */
function authorItems(doc: Y.Doc): Y.Item[] {
  const items: Y.Item[] = [];
  for (const current of authorsMap(doc)._map.values())
    for (let item: Y.Item | null = current; item; item = item.left) items.push(item);
  return items;
}

/**
 * The items of an update that land in the clientAuthors map, with their key ('' for something nested in an entry).
 * An item names its parent only when it has no neighbour; otherwise it goes where its origin (or right origin) is,
 * in the document or earlier in the same update — so the search follows those links out from the map.
 */
function landingInAuthors(stored: ItemIndex, items: Y.Item[]): Map<Y.Item, string> {
  const landed = new Map<Y.Item, string>();
  const queue: Y.Item[] = [];
  const land = (item: Y.Item, key: string) => {
    if (landed.has(item)) return;
    landed.set(item, key);
    queue.push(item);
  };
  const parentId = (item: Y.Item): Y.ID | null => (item.parent instanceof Y.ID ? item.parent : null);
  for (const item of items) {
    // In a decoded update, an item's parent is the root's name when it names one.
    if ((item.parent as unknown) === CLIENT_AUTHORS_ROOT) land(item, item.parentSub ?? '');
    const next = stored.find(item.origin) ?? stored.find(item.rightOrigin);
    if (next) land(item, next.parentSub ?? '');
    if (stored.find(parentId(item))) land(item, '');
  }
  if (queue.length === 0) return landed;
  // Items of the update placed next to (or inside) one that lands there land there too.
  const inUpdate = new ItemIndex(items);
  const dependents = new Map<Y.Item, Array<{ item: Y.Item; nested: boolean }>>();
  for (const item of items) {
    for (const [id, nested] of [
      [item.origin, false],
      [item.rightOrigin, false],
      [parentId(item), true],
    ] as const) {
      const target = inUpdate.find(id);
      if (!target) continue;
      const list = dependents.get(target);
      if (list) list.push({ item, nested });
      else dependents.set(target, [{ item, nested }]);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i]!;
    for (const { item, nested } of dependents.get(from) ?? []) land(item, nested ? '' : landed.get(from)!);
  }
  return landed;
}

/**
 * Why a client's update may not be applied to the server-owned clientAuthors map, or null when it leaves the map
 * alone. A client may carry entries the server already has, with the same value: an offline copy (y-indexeddb)
 * replays the server's own entries after a restore re-created them. Anything else — a new entry, another value, a
 * deletion, an entry overwritten through an item that names an existing one as its origin (such an item does not
 * name its parent) — is refused.
 */
export function clientAuthorsProblem(doc: Y.Doc, decoded: Decoded, update: Uint8Array): string | null {
  const stored = new ItemIndex(authorItems(doc));
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const entries = landingInAuthors(stored, items);
  const deletes = [...decoded.ds.clients].some(([client, list]) =>
    list.some((d) => stored.overlaps(client, d.clock, d.len)),
  );
  if (entries.size === 0 && !deletes) return null;

  const known = authorsMap(doc);
  for (const [item, key] of entries) {
    if (item.content instanceof Y.ContentDeleted) continue; // a tombstone carries no entry; the check below sees its effect
    const values = item.content instanceof Y.ContentAny ? item.content.arr : null;
    if (!values || values.length !== 1 || typeof values[0] !== 'string' || key === '')
      return 'clientAuthors is server-owned: only its own entries may be replayed';
    if (known.get(key) !== values[0])
      return `clientAuthors is server-owned: the entry for client ${key.slice(0, 20)} is not the server's`;
  }
  // Same entries item by item; the map as a whole must come out unchanged too (deletions, tombstones, pending items).
  const trial = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc));
    const before = entriesOf(trial);
    Y.applyUpdate(trial, update);
    return entriesOf(trial) === before ? null : 'clientAuthors is server-owned: the update would change it';
  } finally {
    trial.destroy();
  }
}
