import type { JSONContent } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../../common/schema/documentSchema.ts';
import { isDecisionId } from '../../../../common/schema/decisionItem.ts';
import { extractTasks } from '../../../../common/minutes/minutesExtractor.ts';
import { convertTransaction, cutPoints, newDecisionId } from './convertParagraph.ts';
import { fieldsFromTask, type DecisionAttrs } from './decisionAttrs.ts';
import { extractionText, proposalsIn } from './extractionText.ts';
import { itemsNeedingIds } from './uniqueDecisionIds.ts';

const schema = documentSchema();
const state = (...content: JSONContent[]) =>
  EditorState.create({ schema, doc: PmNode.fromJSON(schema, { type: 'doc', content }) });

function proposalsOf(s: EditorState) {
  const extraction = extractionText(s.doc);
  return proposalsIn(extraction, extractTasks(extraction.text, { meetingDate: '2026-06-10' }));
}

const attrsFor = (proposal: ReturnType<typeof proposalsOf>[number]): DecisionAttrs[] =>
  proposal.tasks.map(({ task }) => ({ id: newDecisionId(), ...fieldsFromTask(task, [], new Map()), confirmed: true }));

describe('cutPoints', () => {
  it.each([
    ['一、甲。', [0], null, [[0, 4]]],
    ['  一、甲。', [2], null, [[0, 6]]],
    [
      '会议要求：一是甲；二是乙。',
      [5, 9],
      [0, 5],
      [
        [5, 9],
        [9, 13],
      ],
    ],
    [
      '一是甲；二是乙。',
      [4, 0],
      null,
      [
        [0, 4],
        [4, 8],
      ],
    ],
  ] as const)('%s', (text, starts, lead, items) => {
    expect(cutPoints(text, starts)).toEqual({ lead, items });
  });
});

describe('convertTransaction', () => {
  it('turns a paragraph into a decision item with the accepted fields, keeping its marks', () => {
    const s = state(
      { type: 'paragraph', content: [{ type: 'text', text: '会议议定：' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '一、区发改委牵头，' },
          { type: 'text', marks: [{ type: 'bold' }], text: '区财政局配合' },
          { type: 'text', text: '，于本月底前完成老旧小区改造资金测算。' },
        ],
      },
    );
    const [proposal] = proposalsOf(s);
    if (!proposal) throw new Error('no proposal');
    const attrs = attrsFor(proposal);
    const tr = convertTransaction(s, proposal, attrs);
    if (!tr) throw new Error('no conversion');
    const item = tr.doc.child(1);
    expect(item.type.name).toBe('decisionItem');
    expect(item.textContent).toBe('一、区发改委牵头，区财政局配合，于本月底前完成老旧小区改造资金测算。');
    expect(item.attrs).toMatchObject({
      leadUnits: [{ unitId: null, name: '区发改委' }],
      coUnits: [{ unitId: null, name: '区财政局' }],
      due: '2026-06-30',
      confirmed: true,
      noDeadline: false,
    });
    expect(item.child(1).marks.map((m) => m.type.name)).toEqual(['bold']);
    expect(tr.doc.child(0).textContent).toBe('会议议定：');
  });

  it('splits a paragraph holding several assignments into one item each', () => {
    const s = state({
      type: 'paragraph',
      content: [
        { type: 'text', text: '一、区教育局负责学校安全检查，6月底前完成；区卫健委负责食品安全抽检，7月15日前完成。' },
      ],
    });
    const [proposal] = proposalsOf(s);
    if (!proposal) throw new Error('no proposal');
    expect(proposal.tasks).toHaveLength(2);
    const tr = convertTransaction(s, proposal, attrsFor(proposal));
    if (!tr) throw new Error('no conversion');
    expect(tr.doc.childCount).toBe(2);
    expect([tr.doc.child(0).attrs.leadUnits, tr.doc.child(1).attrs.leadUnits]).toEqual([
      [{ unitId: null, name: '区教育局' }],
      [{ unitId: null, name: '区卫健委' }],
    ]);
    expect(tr.doc.textContent).toBe(s.doc.textContent);
  });

  it('does nothing once the paragraph has changed since it was read', () => {
    const s = state({ type: 'paragraph', content: [{ type: 'text', text: '一、区财政局负责，6月30日前完成。' }] });
    const [proposal] = proposalsOf(s);
    if (!proposal) throw new Error('no proposal');
    const edited = s.apply(s.tr.insertText('（补充）', s.doc.content.size - 1));
    expect(convertTransaction(edited, proposal, attrsFor(proposal))).toBeNull();
    expect(convertTransaction(s, proposal, [])).toBeNull();
  });
});

describe('decision ids', () => {
  it('are ids the collab server accepts', () => {
    for (let i = 0; i < 20; i++) expect(isDecisionId(newDecisionId())).toBe(true);
    expect(newDecisionId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('finds items without an id and copies of an earlier id', () => {
    const s = state(
      { type: 'decisionItem', attrs: { id: 'item-0001' }, content: [{ type: 'text', text: '甲' }] },
      { type: 'decisionItem', attrs: { id: 'item-0001' }, content: [{ type: 'text', text: '乙' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '丙' }] },
      { type: 'decisionItem', content: [{ type: 'text', text: '丁' }] },
      { type: 'decisionItem', attrs: { id: 'item-0002' }, content: [{ type: 'text', text: '戊' }] },
    );
    expect(itemsNeedingIds(s.doc)).toEqual([3, 9]);
  });
});
