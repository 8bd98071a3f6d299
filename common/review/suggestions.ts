// Lists the tracked changes in a document and applies the owner's decisions (accept = apply, reject = revert).
import { EditorState } from '@tiptap/pm/state';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import { applySuggestion, revertSuggestion } from '@handlewithcare/prosemirror-suggest-changes';
import { parseSuggestionId, SUGGESTION_MARKS } from '../schema/suggestionMarks.ts';

export type SuggestionKind = (typeof SUGGESTION_MARKS)[number];

export interface SuggestionSummary {
  id: string;
  kinds: SuggestionKind[];
  authorId: string | null;
  at: string | null;
  /** The inserted or deleted text (for display to people who can open the document; never logged). */
  text: string;
  /** Position of the first character, for ordering in the side panel. */
  from: number;
}

export function listSuggestions(doc: PmNode): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  const note = (
    marks: readonly { type: { name: string }; attrs: Record<string, unknown> }[],
    pos: number,
    text: string,
  ) => {
    for (const m of marks) {
      const kind = m.type.name as SuggestionKind;
      if (!SUGGESTION_MARKS.includes(kind)) continue;
      const id = String(m.attrs.id);
      let s = byId.get(id);
      if (!s) {
        const who = parseSuggestionId(id);
        s = {
          id,
          kinds: [],
          authorId: who?.userId ?? null,
          at: who ? new Date(who.at).toISOString() : null,
          text: '',
          from: pos,
        };
        byId.set(id, s);
      }
      if (!s.kinds.includes(kind)) s.kinds.push(kind);
      s.text += text;
    }
  };
  doc.descendants((node, pos) => {
    note(node.marks, pos, node.isText ? (node.text ?? '') : node.isBlock ? '\n' : '');
    return true;
  });
  return [...byId.values()].sort((a, b) => a.from - b.from);
}

export function decideSuggestions(
  doc: PmNode,
  schema: Schema,
  ids: readonly string[],
  decision: 'accept' | 'reject',
): PmNode {
  let state = EditorState.create({ schema, doc });
  for (const id of ids) {
    const command = decision === 'accept' ? applySuggestion(id) : revertSuggestion(id);
    command(state, (tr) => {
      state = state.apply(tr);
    });
  }
  return state.doc;
}
