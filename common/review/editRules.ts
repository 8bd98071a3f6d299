// What a restricted connection may change in a document, decided on ProseMirror documents before and after an update:
// a comment-only share may add or remove comment anchors and nothing else; a suggest-only share (review mode) may add
// or withdraw suggestions attributed to itself, recent, and nothing else. Pure: no Yjs, no I/O.
import { EditorState } from '@tiptap/pm/state';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import { revertSuggestion } from '@handlewithcare/prosemirror-suggest-changes';
import { parseSuggestionId, SUGGESTION_MARKS } from '../schema/suggestionMarks.ts';

export type EditVerdict = { ok: true } | { ok: false; reason: string };

/** How far a suggestion's own timestamp may be from the server's clock (client clocks drift; offline edits sync late). */
export const SUGGESTION_CLOCK_TOLERANCE_MS = 24 * 3_600_000;

function withoutMarks(doc: PmNode, schema: Schema, drop: (markName: string) => boolean): PmNode {
  const json = doc.toJSON() as JsonNode;
  const clean = (n: JsonNode): JsonNode => ({
    ...n,
    ...(n.marks ? { marks: n.marks.filter((m) => !drop(m.type)) } : {}),
    ...(n.content ? { content: n.content.map(clean) } : {}),
  });
  // Stripping marks can leave adjacent text nodes with equal marks; the schema's parser joins them again.
  return schema.nodeFromJSON(clean(json));
}

interface JsonNode {
  type: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: JsonNode[];
  [key: string]: unknown;
}

export function suggestionIds(doc: PmNode): Set<string> {
  const ids = new Set<string>();
  const visit = (marks: readonly { type: { name: string }; attrs: Record<string, unknown> }[]) => {
    for (const m of marks)
      if ((SUGGESTION_MARKS as readonly string[]).includes(m.type.name)) ids.add(String(m.attrs.id));
  };
  visit(doc.marks);
  doc.descendants((node) => {
    visit(node.marks);
    return true;
  });
  return ids;
}

/** The document with every suggestion authored by `userId` reverted (their insertions removed, deletions restored). */
export function revertSuggestionsBy(doc: PmNode, schema: Schema, userId: string): PmNode {
  let state = EditorState.create({ schema, doc });
  for (const id of suggestionIds(doc)) {
    if (parseSuggestionId(id)?.userId !== userId) continue;
    revertSuggestion(id)(state, (tr) => {
      state = state.apply(tr);
    });
  }
  return state.doc;
}

export function checkCommentOnly(before: PmNode, after: PmNode, schema: Schema): EditVerdict {
  const strip = (d: PmNode) => withoutMarks(d, schema, (m) => m === 'comment');
  return strip(before).eq(strip(after))
    ? { ok: true }
    : { ok: false, reason: 'comment_only: this share may add comments but not change the text' };
}

export function checkSuggestOnly(
  before: PmNode,
  after: PmNode,
  schema: Schema,
  userId: string,
  now: number,
): EditVerdict {
  const known = suggestionIds(before);
  for (const id of suggestionIds(after)) {
    if (known.has(id)) continue;
    const authorship = parseSuggestionId(id);
    if (!authorship) return { ok: false, reason: 'suggest_only: a suggestion without a valid author id' };
    if (authorship.userId !== userId)
      return { ok: false, reason: 'suggest_only: suggestions may not be attributed to someone else' };
    if (Math.abs(authorship.at - now) > SUGGESTION_CLOCK_TOLERANCE_MS)
      return { ok: false, reason: 'suggest_only: a suggestion with an implausible time' };
  }
  const strip = (d: PmNode) => withoutMarks(revertSuggestionsBy(d, schema, userId), schema, (m) => m === 'comment');
  return strip(before).eq(strip(after))
    ? { ok: true }
    : { ok: false, reason: 'suggest_only: in review mode you can only suggest changes; direct edits are refused' };
}
