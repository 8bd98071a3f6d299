import { describe, expect, it } from 'vitest';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { documentSchema } from '../schema/documentSchema.ts';
import { newSuggestionId } from '../schema/suggestionMarks.ts';
import { checkCommentOnly, checkSuggestOnly } from './editRules.ts';

const schema = documentSchema();
const NOW = Date.UTC(2026, 10, 21, 2, 0, 0);
let counter = 0;
const idFor =
  (userId: string, at = NOW) =>
  () =>
    newSuggestionId(userId, at, `r${(counter++).toString(36).padStart(4, '0')}`);

const base = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '关于加强冬季安全生产的通知' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '各镇街、各部门：现将有关事项通知如下。' }] },
  ],
});

function stateOf(doc = base) {
  return EditorState.create({ schema, doc });
}

/** Turns a plain edit into a suggestion by `userId`, as the review-mode editor does. */
function suggest(state: EditorState, edit: (tr: Transaction) => void, userId: string, at = NOW): EditorState {
  const tr = state.tr;
  edit(tr);
  return state.apply(transformToSuggestionTransaction(tr, state, idFor(userId, at)));
}

function direct(state: EditorState, edit: (tr: Transaction) => void): EditorState {
  const tr = state.tr;
  edit(tr);
  return state.apply(tr);
}

describe('suggest-only edits', () => {
  const cases: Array<[string, (s: EditorState) => EditorState, boolean]> = [
    ['inserting text as a suggestion', (s) => suggest(s, (tr) => tr.insertText('紧急', 3), 'u1'), true],
    ['deleting text as a suggestion', (s) => suggest(s, (tr) => tr.delete(3, 7), 'u1'), true],
    ['splitting a paragraph as a suggestion', (s) => suggest(s, (tr) => tr.split(25), 'u1'), true],
    [
      'withdrawing an own insertion',
      (s) => {
        const withIns = suggest(s, (tr) => tr.insertText('紧急', 3), 'u1');
        return suggest(withIns, (tr) => tr.delete(3, 5), 'u1');
      },
      true,
    ],
    ['typing directly', (s) => direct(s, (tr) => tr.insertText('紧急', 3)), false],
    ['deleting directly', (s) => direct(s, (tr) => tr.delete(3, 7)), false],
    ['attributing a suggestion to someone else', (s) => suggest(s, (tr) => tr.insertText('紧急', 3), 'u2'), false],
    [
      'a suggestion dated a year ago',
      (s) => suggest(s, (tr) => tr.insertText('紧急', 3), 'u1', NOW - 365 * 86_400_000),
      false,
    ],
    [
      'changing a heading level directly',
      (s) => direct(s, (tr) => tr.setNodeMarkup(0, undefined, { level: 2 })),
      false,
    ],
  ];
  it.each(cases)('%s', (_name, edit, allowed) => {
    const before = stateOf();
    const after = edit(before);
    const verdict = checkSuggestOnly(before.doc, after.doc, schema, 'u1', NOW);
    expect(verdict.ok).toBe(allowed);
  });

  it('refuses removing another reviewer\u2019s suggestion', () => {
    const theirs = suggest(stateOf(), (tr) => tr.insertText('紧急', 3), 'u2');
    const removed = direct(theirs, (tr) => tr.delete(3, 5));
    expect(checkSuggestOnly(theirs.doc, removed.doc, schema, 'u1', NOW).ok).toBe(false);
    const mine = suggest(theirs, (tr) => tr.insertText('（草案）', 10), 'u1');
    expect(checkSuggestOnly(theirs.doc, mine.doc, schema, 'u1', NOW).ok).toBe(true);
  });
});

describe('comment-only edits', () => {
  it('allows adding and removing comment anchors, nothing else', () => {
    const before = stateOf();
    const commented = direct(before, (tr) => tr.addMark(3, 9, schema.marks.comment!.create({ threadId: 't1' })));
    expect(checkCommentOnly(before.doc, commented.doc, schema).ok).toBe(true);
    const uncommented = direct(commented, (tr) => tr.removeMark(3, 9, schema.marks.comment!));
    expect(checkCommentOnly(commented.doc, uncommented.doc, schema).ok).toBe(true);
    const bolded = direct(before, (tr) => tr.addMark(3, 9, schema.marks.bold!.create()));
    expect(checkCommentOnly(before.doc, bolded.doc, schema).ok).toBe(false);
    const typed = direct(before, (tr) => tr.insertText('x', 3));
    expect(checkCommentOnly(before.doc, typed.doc, schema).ok).toBe(false);
  });
});
