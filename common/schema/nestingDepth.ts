// How deeply an update nests elements, measured without applying it: a valid update nesting thousands of blockquotes
// would be stored, and every later reader (suggestions, export, versions, the editor) would overflow its stack on it.
import * as Y from 'yjs';

/** Deeper than any real document (a table in a list in a quote is about 8); far below what a recursive reader survives. */
export const MAX_NESTING_DEPTH = 48;

const MAX_RESOLUTION_CHAIN = 2000;

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** Number of XmlElement levels from the root down to and including this type. */
function typeDepth(type: Y.AbstractType<unknown> | null): number {
  let depth = 0;
  for (let t = type; t?._item; t = t._item.parent as Y.AbstractType<unknown> | null) {
    if (t instanceof Y.XmlElement) depth++;
  }
  return depth;
}

/**
 * The deepest element level the update creates, given the document it is applied to (0 when it creates none).
 * An item's container is named in the update only when it has no neighbour; otherwise it is its neighbour's
 * container, which may be new in the same update or already in the document.
 */
export function deepestNewElement(current: Y.Doc, decoded: Decoded): number {
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  if (!items.some((i) => i.content instanceof Y.ContentType)) return 0;
  const byClient = new Map<number, Y.Item[]>();
  for (const item of items) {
    const list = byClient.get(item.id.client) ?? [];
    list.push(item);
    byClient.set(item.id.client, list);
  }
  const newItemAt = (id: Y.ID): Y.Item | undefined =>
    byClient.get(id.client)?.find((i) => id.clock >= i.id.clock && id.clock < i.id.clock + i.length);
  // Depth of the container holding `item` (0 at a root), memoised per new item.
  const containerDepth = new Map<Y.Item, number>();
  const depthOfContainer = (item: Y.Item, guard: number): number => {
    const known = containerDepth.get(item);
    if (known !== undefined) return known;
    // Items come in clock order, so a container is usually known before what it holds and this stays shallow; an
    // update that needs a long chain of look-ups in reverse (or a cycle) is treated as too deep.
    if (guard > MAX_RESOLUTION_CHAIN) return Number.POSITIVE_INFINITY;
    let depth = 0;
    const parent: unknown = item.parent;
    if (parent instanceof Y.ID) depth = depthOfElementItem(parent, guard + 1);
    else if (typeof parent !== 'string') {
      const neighbour = item.origin ?? item.rightOrigin;
      if (neighbour) {
        const fresh = newItemAt(neighbour);
        depth = fresh ? depthOfContainer(fresh, guard + 1) : existingContainerDepth(current, neighbour);
      }
    }
    containerDepth.set(item, depth);
    return depth;
  };
  // Depth of the element whose item has this id.
  const depthOfElementItem = (id: Y.ID, guard: number): number => {
    const fresh = newItemAt(id);
    if (fresh)
      return (
        depthOfContainer(fresh, guard) +
        (fresh.content instanceof Y.ContentType && fresh.content.type instanceof Y.XmlElement ? 1 : 0)
      );
    const existing = existingItem(current, id);
    return existing?.content instanceof Y.ContentType ? typeDepth(existing.content.type) : 0;
  };
  let deepest = 0;
  for (const item of items) {
    if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement) {
      deepest = Math.max(deepest, depthOfContainer(item, 0) + 1);
    }
  }
  return deepest;
}

function existingItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  try {
    const struct = Y.getItem(doc.store, id);
    return struct instanceof Y.Item ? struct : null;
  } catch {
    // Not in the document (yet): Yjs keeps such an update pending; it cannot deepen anything until its parent arrives.
    return null;
  }
}

function existingContainerDepth(doc: Y.Doc, neighbour: Y.ID): number {
  const item = existingItem(doc, neighbour);
  return item ? typeDepth(item.parent as Y.AbstractType<unknown> | null) : 0;
}
