import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../common/schema/documentSchema.ts';
import { inDocumentOrder, threadAnchors } from './commentAnchors.ts';

const schema = documentSchema();
const comment = (threadId: string) => ({ type: 'comment', attrs: { threadId } });

describe('comment anchors', () => {
  // "甲乙丙丁" with t2 on 乙, t1 on 丁 and across a paragraph split (t1 again on 戊), t3 overlapping t2.
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '甲' },
          { type: 'text', text: '乙', marks: [comment('t2'), comment('t3')] },
          { type: 'text', text: '丙' },
          { type: 'text', text: '丁', marks: [comment('t1')] },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: '戊', marks: [comment('t1')] }] },
    ],
  });

  it('spans each thread from its first to its last marked character, across paragraphs', () => {
    const anchors = threadAnchors(doc);
    expect(anchors.get('t2')).toEqual({ from: 2, to: 3 });
    expect(anchors.get('t3')).toEqual({ from: 2, to: 3 });
    expect(anchors.get('t1')).toEqual({ from: 4, to: 8 });
  });

  it('orders threads by anchor, unanchored ones last and oldest first', () => {
    const ids = [...threadAnchors(doc).entries()].sort((a, b) => a[1].from - b[1].from).map(([id]) => id);
    const threads = [
      { id: 'gone-new', createdAt: '2026-01-03T00:00:00Z' },
      { id: 't1', createdAt: '2026-01-01T00:00:00Z' },
      { id: 'gone-old', createdAt: '2026-01-02T00:00:00Z' },
      { id: 't2', createdAt: '2026-01-04T00:00:00Z' },
    ];
    expect(inDocumentOrder(threads, ids).map((t) => t.id)).toEqual(['t2', 't1', 'gone-old', 'gone-new']);
  });
});
