// Every decision item needs its own id: it is the anchor a supervision task links back to. Splitting an item (Enter in
// its middle) or pasting a copy duplicates the attributes, id included; an item pasted from elsewhere may have none.
// This finds the items that need a fresh id after a local change; the server fills in any left at finalisation.
import type { Node as PmNode } from '@tiptap/pm/model';
import { DECISION_ITEM, isDecisionId } from '../../../../common/schema/decisionItem.ts';

/** Positions of decision items whose id is missing or already used earlier in the document. */
export function itemsNeedingIds(doc: PmNode): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== DECISION_ITEM) return !node.isTextblock;
    const id: unknown = node.attrs.id;
    if (isDecisionId(id) && !seen.has(id)) seen.add(id);
    else out.push(pos);
    return false;
  });
  return out;
}
