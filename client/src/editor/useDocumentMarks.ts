// What the side panel lists from the open document itself: its tracked changes (the same listing the server uses) and
// the order of its comment anchors. Read from the editor's state, so the panel follows every keystroke.
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { useEditorState } from '@tiptap/react';
import { listSuggestions, type SuggestionSummary } from '../../../common/review/suggestions.ts';
import { SUGGESTION_MARKS } from '../../../common/schema/suggestionMarks.ts';
import { markRanges, threadAnchors, type Range } from './commentAnchors.ts';

export type { SuggestionSummary };

export function suggestionRanges(doc: PmNode): Map<string, Range> {
  return markRanges(doc, (m) =>
    (SUGGESTION_MARKS as readonly string[]).includes(m.type.name) ? String(m.attrs.id) : null,
  );
}

const sameList = (a: SuggestionSummary[], b: SuggestionSummary[] | null) =>
  b !== null &&
  a.length === b.length &&
  a.every(
    (s, i) =>
      s.id === b[i]!.id && s.text === b[i]!.text && s.from === b[i]!.from && s.kinds.join() === b[i]!.kinds.join(),
  );

export function useSuggestions(editor: Editor): SuggestionSummary[] {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => listSuggestions(e.state.doc),
    equalityFn: sameList,
  });
}

/** Thread ids anchored in the document, in document order; recomputed only when that list changes. */
export function useAnchoredThreadIds(editor: Editor): string[] {
  return useEditorState({
    editor,
    selector: ({ editor: e }) =>
      [...threadAnchors(e.state.doc).entries()].sort((a, b) => a[1].from - b[1].from).map(([id]) => id),
    equalityFn: (a, b) => b !== null && a.length === b.length && a.every((id, i) => id === b[i]),
  });
}
