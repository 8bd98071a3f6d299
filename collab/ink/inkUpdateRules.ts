// What a client update may do to an ink document (material annotations, whiteboards), decided from the update's own
// structs against the live document — no trial copy, so a page holding thousands of strokes costs the same to check
// as an empty one. Rules: values have the ink model's shape; a new stroke or note is the writer's own and drawn now;
// strokes never change (erase and draw again); erasing or changing someone else's marks needs edit access; an undo may
// bring back exactly what was erased; the document stays under the size limits.
import * as Y from 'yjs';
import {
  INK_LIMITS,
  INK_ROOTS,
  parseNote,
  parsePage,
  parseStroke,
  type InkNote,
  type InkStroke,
} from '../../common/schema/inkModel.ts';

export interface InkWriter {
  userId: string;
  /** Edit access: may erase and change other people's strokes, notes and pages. */
  mayEraseOthers: boolean;
  /** Server time, epoch ms. */
  now: number;
}

type Struct = Y.Item | Y.GC | Y.Skip;
/** Yjs does not export its DeleteSet type; this is the part of it we read. */
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];
type AnyType = Y.Doc['share'] extends Map<string, infer T> ? T : never;
interface Placement {
  root: string;
  key: string | null;
}
/**
 * A map entry's state while the update is walked: its visible value, the value it had before its last erase, and
 * whether this same update erases the visible value (a client replacing a value deletes the old one in its own
 * transaction; checkErasures judges that erase).
 */
interface Entry {
  live: unknown;
  erased: unknown;
  erasedNow: boolean;
}

/** Why an update is refused: its shape, the writer's rights, or the document's size limits. */
export interface InkProblem {
  kind: 'malformed' | 'forbidden' | 'full';
  message: string;
}

const malformed = (message: string): InkProblem => ({ kind: 'malformed', message });
const forbidden = (message: string): InkProblem => ({ kind: 'forbidden', message });
const full = (message: string): InkProblem => ({ kind: 'full', message });

const MAP_ROOTS: readonly string[] = [INK_ROOTS.strokes, INK_ROOTS.notes];

/** The index of the struct holding `clock`, or of the first one after it (structs.length when none). */
function structIndex(structs: readonly Struct[], clock: number): number {
  let lo = 0;
  let hi = structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return mid;
  }
  return lo;
}

function findStruct(structs: readonly Struct[] | undefined, clock: number): Struct | null {
  if (!structs) return null;
  const s = structs[structIndex(structs, clock)];
  return s && s.id.clock <= clock && clock < s.id.clock + s.length ? s : null;
}

/** Same stroke or note value, field by field (the values are flat records of strings and numbers). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => ra[k] === rb[k]);
}

function ownerOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { author?: unknown; createdBy?: unknown };
  const owner = v.author ?? v.createdBy;
  return typeof owner === 'string' ? owner : null;
}

class UpdateCheck {
  private readonly rootNames = new Map<AnyType, string>();
  private readonly updateStructs = new Map<number, Struct[]>();
  private readonly placements = new Map<Y.Item, Placement | null>();
  private readonly entries = new Map<string, Entry>();
  private readonly deletedByUpdate: DeleteSet;
  private newStrokes = 0;
  private newNotes = 0;
  private newPages = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly structs: Struct[],
    ds: DeleteSet,
    private readonly writer: InkWriter,
  ) {
    for (const [name, type] of doc.share) this.rootNames.set(type, name);
    for (const s of structs) {
      const list = this.updateStructs.get(s.id.client);
      if (list) list.push(s);
      else this.updateStructs.set(s.id.client, [s]);
    }
    this.deletedByUpdate = ds;
  }

  run(): InkProblem | null {
    for (const struct of this.structs) {
      if (!(struct instanceof Y.Item) || this.alreadyApplied(struct)) continue;
      const problem = this.checkItem(struct);
      if (problem) return problem;
    }
    const erased = this.checkErasures();
    if (erased) return erased;
    return this.checkLimits();
  }

  private alreadyApplied(item: Y.Item): boolean {
    return item.id.clock + item.length <= Y.getState(this.doc.store, item.id.client);
  }

  private isDeletedByUpdate(item: Y.Item): boolean {
    const ranges = this.deletedByUpdate.clients.get(item.id.client) ?? [];
    return ranges.some(
      (r: { clock: number; len: number }) => r.clock <= item.id.clock && item.id.clock < r.clock + r.len,
    );
  }

  private placementOfDocItem(item: Y.Item): Placement | null {
    const root = this.rootNames.get(item.parent as AnyType);
    return root === undefined ? null : { root, key: item.parentSub };
  }

  /** Where an update item goes: its parent is named, or follows from the neighbour it was inserted next to. */
  private placementOf(item: Y.Item): Placement | null {
    if (this.placements.has(item)) return this.placements.get(item)!;
    this.placements.set(item, null); // guards against a cycle of origins in a crafted update
    let placement: Placement | null = null;
    const parent: unknown = item.parent;
    if (typeof parent === 'string') {
      placement = { root: parent, key: item.parentSub };
    } else if (parent === null) {
      for (const ref of [item.origin, item.rightOrigin]) {
        if (!ref) continue;
        const inDoc = findStruct(this.doc.store.clients.get(ref.client) as Struct[] | undefined, ref.clock);
        if (inDoc instanceof Y.Item) placement = this.placementOfDocItem(inDoc);
        else {
          const inUpdate = findStruct(this.updateStructs.get(ref.client), ref.clock);
          if (inUpdate instanceof Y.Item) placement = this.placementOf(inUpdate);
        }
        if (placement) break;
      }
    }
    this.placements.set(item, placement);
    return placement;
  }

  private checkItem(item: Y.Item): InkProblem | null {
    const placement = this.placementOf(item);
    if (!placement) return malformed('an ink document holds only strokes, notes and pages at its top level');
    const { root, key } = placement;
    const erasedHere = item.content instanceof Y.ContentDeleted || this.isDeletedByUpdate(item);
    if (!(item.content instanceof Y.ContentDeleted) && !(item.content instanceof Y.ContentAny))
      return malformed(`${root}: only plain values are allowed`);
    if (root === INK_ROOTS.pages) {
      if (key !== null) return malformed('pages: not a list entry');
      return item.content instanceof Y.ContentAny ? this.checkPages(item.content.getContent()) : null;
    }
    if (!MAP_ROOTS.includes(root)) return malformed(`root "${root.slice(0, 40)}" is not part of an ink document`);
    if (key === null) return malformed(`${root}: not a keyed entry`);
    const entryKey = `${root}\u0000${key}`;
    let before = this.entries.get(entryKey) ?? this.docEntry(root, key);
    if (before.live !== undefined) {
      if (root === INK_ROOTS.strokes) {
        if (!before.erasedNow) return forbidden('strokes: a stroke cannot be changed (erase it and draw again)');
        // Erased and drawn again under the same id in one update: judged as exactly that.
        before = { live: undefined, erased: before.live, erasedNow: false };
      } else if (ownerOf(before.live) !== this.writer.userId && !this.writer.mayEraseOthers) {
        return forbidden('notes: only the author or a presenter may change this note');
      }
    }
    let value: unknown;
    if (item.content instanceof Y.ContentAny) {
      const values = item.content.getContent();
      if (values.length !== 1) return malformed(`${root}: malformed entry`);
      value = values[0];
      const problem =
        root === INK_ROOTS.strokes ? this.checkStroke(key, value, before) : this.checkNote(key, value, before);
      if (problem) return problem;
    }
    this.entries.set(
      entryKey,
      erasedHere
        ? { live: undefined, erased: value ?? before.erased, erasedNow: false }
        : { live: value, erased: before.erased, erasedNow: false },
    );
    return null;
  }

  private docEntry(root: string, key: string): Entry {
    const item = this.doc.share.get(root)?._map.get(key);
    if (!item) return { live: undefined, erased: undefined, erasedNow: false };
    const value = item.content instanceof Y.ContentAny ? item.content.getContent()[0] : undefined;
    if (item.deleted) return { live: undefined, erased: value, erasedNow: false };
    return { live: value, erased: undefined, erasedNow: this.isDeletedByUpdate(item) };
  }

  /** A new value is the writer's own and made now, or exactly the one erased last (an undo). */
  private checkNew(kind: string, value: { author: string; at: number }, before: Entry): InkProblem | null {
    const restoring = sameValue(value, before.erased);
    if (value.author === this.writer.userId) {
      if (restoring || Math.abs(value.at - this.writer.now) <= INK_LIMITS.atToleranceMs) return null;
      return forbidden(`${kind}: the time is too far from the server's clock`);
    }
    if (restoring && this.writer.mayEraseOthers) return null;
    return forbidden(`${kind}: the author must be the signed-in user`);
  }

  private checkStroke(key: string, value: unknown, before: Entry): InkProblem | null {
    const parsed = parseStroke(value);
    if (!parsed.ok) return malformed(parsed.problem);
    if (parsed.value.id !== key) return malformed('stroke: the id does not match its key');
    const problem = this.checkNew('stroke', parsed.value, before);
    if (!problem) this.newStrokes++;
    return problem;
  }

  private checkNote(key: string, value: unknown, before: Entry): InkProblem | null {
    const parsed = parseNote(value);
    if (!parsed.ok) return malformed(parsed.problem);
    if (parsed.value.id !== key) return malformed('note: the id does not match its key');
    if (before.live !== undefined) {
      // An edit keeps who wrote the note and when; permission was checked against the value it replaces.
      const old = before.live as InkNote;
      return parsed.value.author === old.author && parsed.value.at === old.at
        ? null
        : forbidden('note: author and time cannot change');
    }
    const problem = this.checkNew('note', parsed.value, before);
    if (!problem) this.newNotes++;
    return problem;
  }

  private checkPages(values: unknown[]): InkProblem | null {
    for (const value of values) {
      const parsed = parsePage(value);
      if (!parsed.ok) return malformed(parsed.problem);
      // A page someone else added comes back only through a presenter's undo.
      if (parsed.value.createdBy !== this.writer.userId && !this.writer.mayEraseOthers)
        return forbidden('page: the creator must be the signed-in user');
      this.newPages++;
    }
    return null;
  }

  /** Explicit erasures (the update's delete set) of values already in the document. */
  private checkErasures(): InkProblem | null {
    for (const [client, ranges] of this.deletedByUpdate.clients) {
      const structs = this.doc.store.clients.get(client) as Struct[] | undefined;
      if (!structs) continue;
      for (const range of ranges) {
        for (
          let index = structIndex(structs, range.clock);
          index < structs.length && structs[index]!.id.clock < range.clock + range.len;
          index++
        ) {
          const item = structs[index]!;
          if (!(item instanceof Y.Item) || item.deleted) continue;
          const problem = this.checkErase(item);
          if (problem) return problem;
        }
      }
    }
    return null;
  }

  private checkErase(item: Y.Item): InkProblem | null {
    if (this.writer.mayEraseOthers) return null;
    const placement = this.placementOfDocItem(item);
    if (!placement || !(item.content instanceof Y.ContentAny)) return null;
    for (const value of item.content.getContent()) {
      if (ownerOf(value) !== this.writer.userId)
        return forbidden(`${placement.root}: only a presenter may erase what someone else made`);
    }
    return null;
  }

  private checkLimits(): InkProblem | null {
    if (this.newStrokes > 0 && strokeCount(this.doc) + this.newStrokes > INK_LIMITS.maxStrokesPerDocument)
      return full(`strokes: the document is full (${INK_LIMITS.maxStrokesPerDocument} strokes)`);
    if (this.newNotes > 0 && this.doc.getMap(INK_ROOTS.notes).size + this.newNotes > INK_LIMITS.maxNotesPerDocument)
      return full(`notes: the document is full (${INK_LIMITS.maxNotesPerDocument} notes)`);
    if (this.newPages > 0 && this.doc.getArray(INK_ROOTS.pages).length + this.newPages > INK_LIMITS.maxPages)
      return full(`pages: the whiteboard is full (${INK_LIMITS.maxPages} pages)`);
    return null;
  }
}

function strokeCount(doc: Y.Doc): number {
  return doc.getMap<InkStroke>(INK_ROOTS.strokes).size;
}

/** Why this update may not be applied to this ink document by this writer, or null. Throws nothing. */
export function inkUpdateProblem(doc: Y.Doc, update: Uint8Array, writer: InkWriter): InkProblem | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return malformed('malformed update');
  }
  return new UpdateCheck(doc, decoded.structs, decoded.ds, writer).run();
}
