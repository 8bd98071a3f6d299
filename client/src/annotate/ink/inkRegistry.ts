// The ink documents open in this tab, readable from the browser console (and by end-to-end tests) as
// window.tongbanInk: the strokes this browser holds (nothing the person could not see anyway) and whether the server
// has acknowledged every change yet.
import type * as Y from 'yjs';
import { strokesMap, type InkStroke } from '../../../../common/schema/inkModel.ts';

interface OpenDocument {
  doc: Y.Doc;
  /** Local changes the server has not acknowledged yet. */
  pending(): number;
}

const open = new Map<string, OpenDocument>();

export function registerInkDocument(name: string, entry: OpenDocument): () => void {
  open.set(name, entry);
  return () => {
    if (open.get(name) === entry) open.delete(name);
  };
}

const inspector = {
  /** Every stroke in every open ink document, with the document it is in. */
  strokes: (): Array<InkStroke & { documentName: string }> =>
    [...open].flatMap(([name, { doc }]) => [...strokesMap(doc).values()].map((s) => ({ ...s, documentName: name }))),
  /** Changes not yet acknowledged by the server, over all open ink documents. */
  pending: (): number => [...open.values()].reduce((n, entry) => n + entry.pending(), 0),
};

declare global {
  interface Window {
    tongbanInk?: typeof inspector;
  }
}

if (typeof window !== 'undefined') window.tongbanInk = inspector;
