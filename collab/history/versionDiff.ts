// Diff of two versions of one document, computed on Yjs items rather than text: an item present in the newer state
// and not the older one was inserted (by the author of its client id); one visible before and deleted after was
// removed. Needs documents kept without garbage collection (gc: false), which Tongban's collab server does.
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../../common/schema/documentSchema.ts';
import { authorsMap } from './clientAuthors.ts';

export type SegmentStatus = 'same' | 'inserted' | 'deleted';

export interface DiffSegment {
  text: string;
  status: SegmentStatus;
  authorId: string | null;
}

export interface DiffBlock {
  type: string;
  status: SegmentStatus;
  authorId: string | null;
  segments: DiffSegment[];
}

function visibleIn(item: Y.Item, snapshot: Y.Snapshot): boolean {
  return (snapshot.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(snapshot.ds, item.id);
}

function statusOf(item: Y.Item, older: Y.Snapshot, newer: Y.Snapshot): SegmentStatus | null {
  const before = visibleIn(item, older);
  const after = visibleIn(item, newer);
  if (before && after) return 'same';
  if (!before && after) return 'inserted';
  if (before && !after) return 'deleted';
  return null;
}

/**
 * `olderState` and `newerState` are full Yjs states (encodeStateAsUpdate) of the same document, newer ⊇ older.
 * Returns the top-level blocks with their text segments, in document order.
 */
export function diffVersions(olderState: Uint8Array, newerState: Uint8Array): DiffBlock[] {
  const older = new Y.Doc({ gc: false });
  Y.applyUpdate(older, olderState);
  const newer = new Y.Doc({ gc: false });
  Y.applyUpdate(newer, newerState);
  const olderSnap = Y.snapshot(older);
  const newerSnap = Y.snapshot(newer);
  const authors = authorsMap(newer);
  const authorOf = (item: Y.Item) => authors.get(String(item.id.client)) ?? null;

  const blocks: DiffBlock[] = [];
  const collectText = (type: Y.AbstractType<unknown>, into: DiffSegment[], inherited: SegmentStatus) => {
    for (let item = type._start; item !== null; item = item.right) {
      const status = statusOf(item, olderSnap, newerSnap);
      if (status === null) continue;
      const effective = inherited === 'same' ? status : inherited;
      const content = item.content;
      if (content instanceof Y.ContentString) {
        const last = into.at(-1);
        const authorId = effective === 'inserted' ? authorOf(item) : null;
        if (last && last.status === effective && last.authorId === authorId) last.text += content.str;
        else into.push({ text: content.str, status: effective, authorId });
      } else if (content instanceof Y.ContentType) {
        collectText(content.type as Y.AbstractType<unknown>, into, effective);
      }
    }
  };
  const fragment = newer.getXmlFragment(DOCUMENT_FIELD);
  for (let item = fragment._start; item !== null; item = item.right) {
    const status = statusOf(item, olderSnap, newerSnap);
    if (status === null || !(item.content instanceof Y.ContentType)) continue;
    const element = item.content.type;
    const segments: DiffSegment[] = [];
    collectText(element as Y.AbstractType<unknown>, segments, status);
    blocks.push({
      type: element instanceof Y.XmlElement ? element.nodeName : 'text',
      status,
      authorId: status === 'inserted' ? authorOf(item) : null,
      segments,
    });
  }
  older.destroy();
  newer.destroy();
  return blocks;
}
