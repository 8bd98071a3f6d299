// Review mode in the editor: a suggest-only person's edits are rewritten into tracked changes (insertion, deletion and
// modification marks) whose ids carry their user id and the time, which is what the collab server checks.
import { Extension } from '@tiptap/core';
import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Mark, Node as PmNode, Slice } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import {
  AddMarkStep,
  AddNodeMarkStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { checkSuggestOnly } from '../../../common/review/editRules.ts';
import { serverNow } from '../api/serverClock.ts';
import { newSuggestionId, parseSuggestionId, SUGGESTION_MARKS } from '../../../common/schema/suggestionMarks.ts';
import { tracksChanges, type EditingPolicy } from './editingMode.ts';

/** Set on a transaction that must go through as it is (adding a comment anchor is not a change to the text). */
export const UNTRACKED = 'tongban:untracked';

function randomPart(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes]
    .map((b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 10);
}

const isSuggestionMark = (mark: Mark) => (SUGGESTION_MARKS as readonly string[]).includes(mark.type.name);

function sliceMarks(slice: Slice): Mark[] {
  const marks: Mark[] = [];
  slice.content.descendants((node: PmNode) => {
    marks.push(...node.marks);
    return true;
  });
  return marks;
}

function stepMarks(step: Step): Mark[] {
  if (
    step instanceof AddMarkStep ||
    step instanceof RemoveMarkStep ||
    step instanceof AddNodeMarkStep ||
    step instanceof RemoveNodeMarkStep
  )
    return [step.mark];
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) return sliceMarks(step.slice);
  return [];
}

/** Typing and formatting: text replaced by text, marks added or removed. Everything else changes the structure. */
function isInlineEdit(step: Step): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
  if (!(step instanceof ReplaceStep) || step.slice.openStart > 0 || step.slice.openEnd > 0) return false;
  let inline = true;
  step.slice.content.forEach((node) => {
    inline &&= node.isInline;
  });
  return inline;
}

/**
 * Whether the tracked transaction touches someone else's suggestion. The library joins a new change to an adjacent
 * suggestion by reusing its id, which is right for one's own and refused by the server for another reviewer's.
 */
function touchesOthersSuggestions(tr: Transaction, userId: string): boolean {
  return tr.steps.some((step) =>
    stepMarks(step).some((m) => isSuggestionMark(m) && parseSuggestionId(m.attrs.id)?.userId !== userId),
  );
}

export const TrackChanges = Extension.create<{ policy: { current: EditingPolicy } | null }>({
  name: 'tongbanTrackChanges',

  addOptions() {
    return { policy: null };
  },

  dispatchTransaction({ transaction, next }) {
    const policy = this.options.policy?.current;
    // Changes that arrive from Yjs (other people, undo/redo of the collaboration history) are already what they are.
    if (
      !policy ||
      !tracksChanges(policy.mode) ||
      !transaction.docChanged ||
      transaction.getMeta(ySyncPluginKey) !== undefined ||
      transaction.getMeta(UNTRACKED)
    ) {
      next(transaction);
      return;
    }
    // The owner in review mode is not bound by the suggest-only rule: what can be tracked is, the rest goes through.
    const owner = policy.mode === 'track';
    // Restyling blocks (headings, lists: ReplaceAround, attribute and node-mark steps) cannot be suggested in a way the
    // server accepts, so it is not attempted. For inserted or removed blocks (Enter, paste) and changes next to another
    // reviewer's suggestion, the server's own rule is run here first; plain typing and formatting always pass it.
    if (
      transaction.steps.some(
        (step) => !(step instanceof ReplaceStep || step instanceof AddMarkStep || step instanceof RemoveMarkStep),
      )
    ) {
      if (owner) next(transaction);
      else policy.onHeldBack('not_suggestible');
      return;
    }
    const state = this.editor.state;
    const tracked = transformToSuggestionTransaction(transaction, state, () =>
      newSuggestionId(policy.userId, serverNow(), randomPart()),
    );
    const risky = !tracked.steps.every(isInlineEdit) || touchesOthersSuggestions(tracked, policy.userId);
    if (!owner && risky && !checkSuggestOnly(state.doc, tracked.doc, state.schema, policy.userId, serverNow()).ok) {
      policy.onHeldBack('not_suggestible');
      return;
    }
    next(tracked);
  },
});
