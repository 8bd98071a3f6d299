// Comment threads (批注) are anchored by `comment` marks carrying the thread id. These helpers find the anchors in
// the document, order threads by them, and set an anchor on a range captured before the comment was written (as Yjs
// relative positions, so that other people's edits in the meantime do not shift it).
import type { Editor } from '@tiptap/core';
import type { Mark as PmMark, Node as PmNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { UNTRACKED } from './trackChangesExtension.ts';

export interface Range {
  from: number;
  to: number;
}

/** The ranges of marks grouped by a key taken from each mark (null: not wanted), from first to last character. */
export function markRanges(doc: PmNode, keyOf: (mark: PmMark) => string | null): Map<string, Range> {
  const ranges = new Map<string, Range>();
  const note = (marks: readonly PmMark[], from: number, to: number) => {
    for (const mark of marks) {
      const key = keyOf(mark);
      if (key === null) continue;
      const known = ranges.get(key);
      ranges.set(key, known ? { from: Math.min(known.from, from), to: Math.max(known.to, to) } : { from, to });
    }
  };
  doc.descendants((node, pos) => {
    // Block-level suggestions mark the node itself (an inserted paragraph).
    note(node.marks, node.isText ? pos : pos + 1, node.isText ? pos + node.nodeSize : pos + node.nodeSize - 1);
    return !node.isText;
  });
  return ranges;
}

/** Every thread's anchor: from its first to its last marked character (marks survive splits and merges). */
export function threadAnchors(doc: PmNode): Map<string, Range> {
  return markRanges(doc, (m) =>
    m.type.name === 'comment' && typeof m.attrs.threadId === 'string' ? m.attrs.threadId : null,
  );
}

/** Threads in the order of their anchors; threads whose text was deleted come last, oldest first. */
export function inDocumentOrder<T extends { id: string; createdAt: string }>(
  threads: readonly T[],
  anchoredIds: readonly string[],
): T[] {
  const position = new Map(anchoredIds.map((id, i) => [id, i]));
  return [...threads].sort((a, b) => {
    const pa = position.get(a.id) ?? Number.POSITIVE_INFINITY;
    const pb = position.get(b.id) ?? Number.POSITIVE_INFINITY;
    return pa === pb ? a.createdAt.localeCompare(b.createdAt) : pa - pb;
  });
}

export interface CapturedSelection {
  quote: string;
  from: Y.RelativePosition;
  to: Y.RelativePosition;
}

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] };
}

function syncState(editor: Editor): SyncState | null {
  const state = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  return state?.binding ? state : null;
}

/** The current text selection, held so that it can be anchored once the thread exists on the server. */
export function captureSelection(editor: Editor): CapturedSelection | null {
  const { from, to, empty } = editor.state.selection;
  const sync = syncState(editor);
  if (empty || !sync) return null;
  const quote = editor.state.doc.textBetween(from, to, '\n').trim();
  if (!quote) return null;
  return {
    quote: quote.slice(0, 1000),
    from: absolutePositionToRelativePosition(from, sync.type, sync.binding.mapping) as Y.RelativePosition,
    to: absolutePositionToRelativePosition(to, sync.type, sync.binding.mapping) as Y.RelativePosition,
  };
}

/** Puts the thread's comment mark on the captured range; false when that text is gone. */
export function anchorThread(editor: Editor, captured: CapturedSelection, threadId: string): boolean {
  const sync = syncState(editor);
  const type = editor.schema.marks.comment;
  if (!sync || !type) return false;
  const from = relativePositionToAbsolutePosition(sync.doc, sync.type, captured.from, sync.binding.mapping);
  const to = relativePositionToAbsolutePosition(sync.doc, sync.type, captured.to, sync.binding.mapping);
  if (from === null || to === null || to <= from) return false;
  // A raw addMark: Tiptap's setMark would update an overlapping thread's mark instead of adding a second one.
  const tr = editor.state.tr.addMark(from, to, type.create({ threadId })).setMeta(UNTRACKED, true);
  editor.view.dispatch(tr);
  return true;
}

/** Selects a range (a thread's text, a tracked change) and scrolls it into view. */
export function selectRange(editor: Editor, range: Range | undefined): boolean {
  if (!range) return false;
  const size = editor.state.doc.content.size;
  const tr = editor.state.tr
    .setSelection(
      TextSelection.between(
        editor.state.doc.resolve(Math.min(range.from, size)),
        editor.state.doc.resolve(Math.min(range.to, size)),
      ),
    )
    .scrollIntoView();
  editor.view.dispatch(tr);
  editor.view.focus();
  return true;
}
