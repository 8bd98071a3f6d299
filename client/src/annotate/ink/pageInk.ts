// The strokes and notes of one page, from every ink layer open on it (the shared layer and one's private layer), kept
// up to date as the documents change. The ink layer draws from it and the eraser hit-tests against it.
import type * as Y from 'yjs';
import {
  decodePoints,
  notesMap,
  strokesMap,
  type InkNote,
  type InkStroke,
} from '../../../../common/schema/inkModel.ts';

export type LayerKind = 'shared' | 'private';

export interface InkSource {
  doc: Y.Doc;
  layer: LayerKind;
}

export interface PageStroke {
  stroke: InkStroke;
  layer: LayerKind;
}

export interface PageNote {
  note: InkNote;
  layer: LayerKind;
}

export interface PageInkSnapshot {
  strokes: PageStroke[];
  notes: PageNote[];
}

const decoded = new WeakMap<InkStroke, Float32Array>();

/** A stroke's points, decoded once per stroke value (values are immutable). */
export function pointsOf(stroke: InkStroke): Float32Array {
  let points = decoded.get(stroke);
  if (!points) {
    points = decodePoints(stroke.points) ?? new Float32Array(0);
    decoded.set(stroke, points);
  }
  return points;
}

const byTime = (a: { at: number; id: string }, b: { at: number; id: string }) => a.at - b.at || (a.id < b.id ? -1 : 1);

export class PageInk {
  private snapshot: PageInkSnapshot = { strokes: [], notes: [] };
  private readonly listeners = new Set<() => void>();
  private readonly unobserve: Array<() => void> = [];

  constructor(
    private readonly sources: InkSource[],
    private readonly page: string,
  ) {
    for (const { doc } of sources) {
      this.watch(strokesMap(doc));
      this.watch(notesMap(doc));
    }
    this.recompute();
  }

  private watch<T extends { page: string }>(map: Y.Map<T>): void {
    const refresh = (event: Y.YMapEvent<T>) => {
      // Only changes on this page matter (30 people drawing on other pages must not redraw this one).
      const touches = [...event.changes.keys].some(
        ([key, change]) => (map.get(key) ?? (change.oldValue as T | undefined))?.page === this.page,
      );
      if (touches) this.recompute();
    };
    map.observe(refresh);
    this.unobserve.push(() => map.unobserve(refresh));
  }

  private recompute(): void {
    const strokes: PageStroke[] = [];
    const notes: PageNote[] = [];
    for (const { doc, layer } of this.sources) {
      for (const stroke of strokesMap(doc).values()) if (stroke.page === this.page) strokes.push({ stroke, layer });
      for (const note of notesMap(doc).values()) if (note.page === this.page) notes.push({ note, layer });
    }
    strokes.sort((a, b) => byTime(a.stroke, b.stroke));
    notes.sort((a, b) => byTime(a.note, b.note));
    this.snapshot = { strokes, notes };
    for (const listener of this.listeners) listener();
  }

  readonly getSnapshot = (): PageInkSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  docOf(layer: LayerKind): Y.Doc | null {
    return this.sources.find((s) => s.layer === layer)?.doc ?? null;
  }

  destroy(): void {
    for (const stop of this.unobserve) stop();
    this.listeners.clear();
  }
}
