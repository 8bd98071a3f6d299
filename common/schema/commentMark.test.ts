// Comment anchors travel with their text through edits, paragraph splits and merges, and a Yjs round trip.
import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { documentSchema, DOCUMENT_FIELD } from './documentSchema.ts';

const schema = documentSchema();

function anchored(doc: PmNode, threadId: string): string {
  let text = '';
  doc.descendants((n) => {
    if (n.isText && n.marks.some((m) => m.type.name === 'comment' && m.attrs.threadId === threadId)) text += n.text;
    return true;
  });
  return text;
}

function throughYjs(doc: PmNode): PmNode {
  const y = new Y.Doc();
  const fragment = y.getXmlFragment(DOCUMENT_FIELD);
  updateYFragment(y, fragment, doc, { mapping: new Map(), isOMark: new Map() });
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(y));
  return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(DOCUMENT_FIELD), schema);
}

describe('comment anchors', () => {
  const base = schema.nodeFromJSON({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: '请各单位认真落实本通知要求。' }] }],
  });
  let state = EditorState.create({ schema, doc: base });
  state = state.apply(state.tr.addMark(5, 13, schema.marks.comment!.create({ threadId: 't1' })));
  state = state.apply(state.tr.addMark(9, 11, schema.marks.comment!.create({ threadId: 't2' })));

  it('survives typing inside and around the range', () => {
    const typed = state.apply(state.tr.insertText('切实', 5).insertText('。', 1));
    expect(anchored(throughYjs(typed.doc), 't1')).toBe('认真落实本通知要');
  });

  it('survives splitting the paragraph inside the range and merging it back', () => {
    const split = state.apply(state.tr.split(9));
    expect(split.doc.childCount).toBe(2);
    expect(anchored(throughYjs(split.doc), 't1')).toBe('认真落实本通知要');
    const merged = split.apply(split.tr.join(10));
    expect(merged.doc.childCount).toBe(1);
    const back = throughYjs(merged.doc);
    expect(anchored(back, 't1')).toBe('认真落实本通知要');
    expect(anchored(back, 't2')).toBe('本通');
  });
});
