// A decision item's node attributes as the view reads them: the schema's own reader (common/schema/decisionItem.ts)
// with defaults for what an item from an older client lacks; an item without an id yet reads as ''.
import { decisionAttrsOf } from '../../../../common/schema/decisionItem.ts';
import type { DecisionAttrs } from './decisionAttrs.ts';

export function readDecisionAttrs(attrs: Record<string, unknown>): DecisionAttrs {
  const a = decisionAttrsOf(attrs);
  return { ...a, id: a.id ?? '', noDeadline: a.noDeadline && a.due === null };
}
