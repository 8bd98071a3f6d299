// Turns a paragraph the extractor read as one or more decision items into decisionItem nodes carrying the accepted
// fields. The paragraph's content (marks, comments, tracked changes) moves into the items unchanged; text before the
// first item stays a paragraph, and text after an item (a non-task sentence) stays with it.
import { Fragment, type Node as PmNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { DecisionAttrs } from './decisionAttrs.ts';
import { DECISION_ITEM } from '../../../../common/schema/decisionItem.ts';
import { blockText, type BlockProposal } from './extractionText.ts';

/** The paragraph a proposal was made for, if it is still there with the same text. */
export function proposalBlock(doc: PmNode, proposal: Pick<BlockProposal, 'pos' | 'text'>): PmNode | null {
  if (proposal.pos < 0 || proposal.pos >= doc.content.size) return null;
  const node = doc.nodeAt(proposal.pos);
  return node && node.type.name === 'paragraph' && blockText(node) === proposal.text ? node : null;
}

/** Cut points of the paragraph: where each proposed item begins (the first one at 0 when nothing precedes it). */
export function cutPoints(
  text: string,
  starts: readonly number[],
): { lead: [number, number] | null; items: Array<[number, number]> } {
  const sorted = [...new Set(starts)].filter((s) => s >= 0 && s < text.length).sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const lead: [number, number] | null = text.slice(0, first).trim() ? [0, first] : null;
  const begin = lead ? sorted : [0, ...sorted.slice(1)];
  const items = begin.map((from, i): [number, number] => [from, begin[i + 1] ?? text.length]);
  return { lead, items };
}

/**
 * The transaction replacing the paragraph with decision items, one per attrs entry (in the proposal's order), or null
 * when the paragraph has changed since or the schema has no decision items.
 */
export function convertTransaction(
  state: EditorState,
  proposal: BlockProposal,
  attrs: readonly DecisionAttrs[],
): Transaction | null {
  const type = state.schema.nodes[DECISION_ITEM];
  const paragraph = proposalBlock(state.doc, proposal);
  if (!type || !paragraph || attrs.length !== proposal.tasks.length || attrs.length === 0) return null;
  const { lead, items } = cutPoints(
    proposal.text,
    proposal.tasks.map((t) => t.from),
  );
  if (items.length !== attrs.length) return null;
  const nodes: PmNode[] = [];
  if (lead)
    nodes.push(paragraph.type.create(paragraph.attrs, paragraph.content.cut(lead[0], lead[1]), paragraph.marks));
  items.forEach(([from, to], i) => {
    nodes.push(type.create({ ...attrs[i] }, paragraph.content.cut(from, to)));
  });
  const $pos = state.doc.resolve(proposal.pos);
  const index = $pos.index();
  if (!$pos.parent.canReplace(index, index + 1, Fragment.from(nodes))) return null;
  return state.tr.replaceWith(proposal.pos, proposal.pos + paragraph.nodeSize, nodes);
}

/** A random v4 UUID. crypto.randomUUID exists only in secure contexts, and offices open Tongban over plain HTTP too. */
export function newDecisionId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
