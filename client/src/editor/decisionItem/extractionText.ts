// The minutes as the extractor reads them, and the extractor's answer mapped back onto the document: the text of every
// text block joined by line breaks (an ordered list's item gets its number written out, as on paper), the offset of each
// block in it, and, per plain paragraph, the proposed decision items that lie wholly inside it.
import type { Node as PmNode, NodeType } from '@tiptap/pm/model';
import { DECISION_ITEM } from '../../../../common/schema/decisionItem.ts';
import type { ExtractedTask } from '../../../../common/minutes/types.ts';

export interface TextBlock {
  /** Position of the block node in the document. */
  pos: number;
  /** Offset of the block's text (after its prefix) in the joined text; its end is start + node.content.size. */
  start: number;
  node: PmNode;
  /** A plain paragraph that may become decision items where it stands. */
  convertible: boolean;
}

export interface ExtractionText {
  text: string;
  blocks: TextBlock[];
}

/** A task the extractor proposed inside one paragraph, in the paragraph's own offsets. */
export interface TaskInBlock {
  task: ExtractedTask;
  from: number;
  to: number;
}

export interface BlockProposal {
  /** Position of the paragraph when the proposal was made (mapped through later changes by the plugin). */
  pos: number;
  /** The paragraph's text then: the proposal holds only while the text is unchanged. */
  text: string;
  tasks: TaskInBlock[];
}

/** Every inline leaf (a hard break, say) counts as one line break, so offsets in the text are offsets in the content. */
export function blockText(node: PmNode): string {
  return node.textBetween(0, node.content.size, '', '\n');
}

function listMarker(doc: PmNode, pos: number): string {
  const $pos = doc.resolve(pos);
  if ($pos.depth < 2) return '';
  const item = $pos.node($pos.depth);
  const list = $pos.node($pos.depth - 1);
  if (item.type.name !== 'listItem' || list.type.name !== 'orderedList' || $pos.index($pos.depth) !== 0) return '';
  const start = typeof list.attrs.start === 'number' ? list.attrs.start : 1;
  return `${start + $pos.index($pos.depth - 1)}. `;
}

function canBecomeDecision(doc: PmNode, pos: number, node: PmNode, decision: NodeType | undefined): boolean {
  if (!decision || node.type.name !== 'paragraph') return false;
  const $pos = doc.resolve(pos);
  const index = $pos.index();
  return $pos.parent.canReplaceWith(index, index + 1, decision);
}

export function extractionText(doc: PmNode): ExtractionText {
  const decision = doc.type.schema.nodes[DECISION_ITEM];
  const parts: string[] = [];
  const blocks: TextBlock[] = [];
  let length = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const prefix = listMarker(doc, pos);
    const separator = parts.length > 0 ? 1 : 0;
    blocks.push({
      pos,
      start: length + separator + prefix.length,
      node,
      convertible: canBecomeDecision(doc, pos, node, decision),
    });
    const text = blockText(node);
    parts.push(prefix + text);
    length += separator + prefix.length + text.length;
    return false;
  });
  return { text: parts.join('\n'), blocks };
}

/**
 * Per convertible paragraph, the tasks that start and end inside it. A task that runs over several blocks (a heading
 * item whose sub-items are separate paragraphs) is left to the supervisor's review after finalisation.
 */
export function proposalsIn(extraction: ExtractionText, tasks: readonly ExtractedTask[]): BlockProposal[] {
  const out: BlockProposal[] = [];
  for (const block of extraction.blocks) {
    if (!block.convertible) continue;
    const end = block.start + block.node.content.size;
    const inside = tasks
      .filter((task) => task.start >= block.start && task.end <= end && task.end > task.start)
      .map((task) => ({ task, from: task.start - block.start, to: task.end - block.start }))
      .sort((a, b) => a.from - b.from);
    if (inside.length > 0) out.push({ pos: block.pos, text: blockText(block.node), tasks: inside });
  }
  return out;
}
