// Decision items: attribute checks (the collab server's and the editor's), a Yjs round trip, the update validator and
// the export model.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Node as PmNode } from '@tiptap/pm/model';
import { documentSchema, DOCUMENT_FIELD } from './documentSchema.ts';
import { decisionAttributeProblem, decisionAttrsOf } from './decisionItem.ts';
import { updateProblem } from '../../collab/extensions/ValidationExtension.ts';
import { decisionFieldsLine, exportModel } from '../../server/export/documentModel.ts';

const schema = documentSchema();
const ID = '5b0c6f0e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';

describe('decision item attributes', () => {
  it.each([
    ['id', ID, null],
    ['id', 'short', 'id must be'],
    ['id', 42, 'id must be'],
    ['leadUnits', [{ unitId: 'u-1', name: '区发改委' }], null],
    ['leadUnits', [{ unitId: null, name: '区文旅局' }], null],
    ['leadUnits', '区发改委', 'must be a list'],
    ['leadUnits', [{ unitId: null }], 'exactly unitId and name'],
    ['leadUnits', [{ unitId: null, name: '' }], 'name must be'],
    ['leadUnits', [{ unitId: null, name: 'x'.repeat(101) }], 'name must be'],
    ['leadUnits', [{ unitId: null, name: '甲', extra: 1 }], 'exactly unitId and name'],
    ['leadUnits', [{ unitId: 'bad id!', name: '甲' }], 'unitId must be'],
    ['leadUnits', Array.from({ length: 51 }, () => ({ unitId: null, name: '甲' })), 'at most 50'],
    ['coUnits', [], null],
    ['owners', [{ userId: 'u-9', name: '王强' }], null],
    ['owners', [{ unitId: 'u-9', name: '王强' }], 'exactly userId and name'],
    ['coOwners', [{ userId: null, name: '李娜' }], null],
    ['due', '2025-03-31', null],
    ['due', '2025-02-30', 'YYYY-MM-DD'],
    ['due', '3月底', 'YYYY-MM-DD'],
    ['noDeadline', true, null],
    ['noDeadline', 'yes', 'true or false'],
    ['confirmed', false, null],
    ['confirmed', 1, 'true or false'],
    ['due', null, null],
    ['style', 'color:red', 'unknown attribute'],
  ])('%s = %j → %s', (key, value, problem) => {
    const got = decisionAttributeProblem(key, value);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });

  it('reads stored attributes with defaults for absent or broken ones', () => {
    expect(decisionAttrsOf({ id: ID, due: 'soon', leadUnits: [{ unitId: null, name: '区住建局' }] })).toEqual({
      id: ID,
      leadUnits: [{ unitId: null, name: '区住建局' }],
      coUnits: [],
      owners: [],
      coOwners: [],
      due: null,
      noDeadline: false,
      confirmed: false,
    });
  });
});

function minutes(attrs: Record<string, unknown>, text = '由区住建局牵头，3月底前完成老旧小区改造方案。'): PmNode {
  return schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: '会议议定事项如下：' }] },
      { type: 'decisionItem', attrs, content: [{ type: 'text', text }] },
    ],
  });
}

function yDocOf(doc: PmNode): Y.Doc {
  const y = new Y.Doc({ gc: false });
  updateYFragment(y, y.getXmlFragment(DOCUMENT_FIELD), doc, { mapping: new Map(), isOMark: new Map() });
  return y;
}

/** The update an editor sends when it changes one attribute of the first decision item. */
function attributeUpdate(base: Y.Doc, key: string, value: unknown): Uint8Array {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(copy);
  const el = copy
    .getXmlFragment(DOCUMENT_FIELD)
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'decisionItem')!;
  // Yjs types attributes as strings, but stores (and y-prosemirror writes) any JSON value.
  el.setAttribute(key, value as string);
  return Y.encodeStateAsUpdate(copy, before);
}

describe('decision items through Yjs', () => {
  const attrs = {
    id: ID,
    leadUnits: [{ unitId: 'u-1', name: '区住建局' }],
    coUnits: [{ unitId: null, name: '各街道' }],
    owners: [{ userId: null, name: '王强' }],
    coOwners: [],
    due: '2025-03-31',
    noDeadline: false,
    confirmed: true,
  };

  it('keeps structured attributes through a round trip', () => {
    const y = yDocOf(minutes(attrs));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(y));
    const back = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(DOCUMENT_FIELD), schema);
    expect(back.child(1).type.name).toBe('decisionItem');
    expect(back.child(1).attrs).toEqual(attrs);
  });

  it('accepts a well-formed decision item in minutes and refuses it in a draft', () => {
    const update = Y.encodeStateAsUpdate(yDocOf(minutes(attrs)));
    expect(updateProblem(update, 'minutes', new Y.Doc())).toBeNull();
    expect(updateProblem(update, 'draft', new Y.Doc())).toContain('cannot contain decisionItem');
  });

  it('refuses a new decision item with a badly typed attribute', () => {
    const update = Y.encodeStateAsUpdate(yDocOf(minutes({ ...attrs, leadUnits: [{ unitId: null, name: '' }] })));
    expect(updateProblem(update, 'minutes', new Y.Doc())).toContain('leadUnits');
  });

  it.each([
    ['due', '2025-13-01', 'due'],
    ['owners', 'everyone', 'owners'],
    ['onclick', 'alert(1)', 'unknown attribute'],
    ['confirmed', 'true', 'confirmed'],
  ])('refuses an attribute change on an existing item: %s = %j', (key, value, problem) => {
    const base = yDocOf(minutes(attrs));
    expect(updateProblem(attributeUpdate(base, key, value), 'minutes', base)).toContain(problem);
  });

  it('accepts a good attribute change on an existing item, and plain typing without trying a copy', () => {
    const base = yDocOf(minutes(attrs));
    expect(updateProblem(attributeUpdate(base, 'due', '2025-06-30'), 'minutes', base)).toBeNull();
    expect(
      updateProblem(attributeUpdate(base, 'coUnits', [{ unitId: 'u-2', name: '区财政局' }]), 'minutes', base),
    ).toBeNull();
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
    const before = Y.encodeStateVector(copy);
    const text = (copy.getXmlFragment(DOCUMENT_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, '（一）');
    expect(updateProblem(Y.encodeStateAsUpdate(copy, before), 'minutes', base)).toBeNull();
  });
});

describe('decision items in the export model', () => {
  it('numbers decision items through the document and lists their fields', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        {
          type: 'decisionItem',
          attrs: {
            id: ID,
            leadUnits: [{ unitId: null, name: '区住建局' }],
            coUnits: [
              { unitId: null, name: '区财政局' },
              { unitId: null, name: '各街道' },
            ],
            owners: [{ userId: null, name: '王强' }],
            due: '2025-03-31',
          },
          content: [{ type: 'text', text: '推进老旧小区改造。' }],
        },
        { type: 'paragraph', content: [{ type: 'text', text: '会议强调，要压实责任。' }] },
        { type: 'decisionItem', attrs: { noDeadline: true }, content: [{ type: 'text', text: '研究停车难问题。' }] },
      ],
    });
    const blocks = exportModel(doc.toJSON() as Parameters<typeof exportModel>[0], { suggestions: 'apply' });
    expect(blocks.map((b) => b.kind)).toEqual(['decision', 'paragraph', 'decision']);
    const [first, , second] = blocks;
    if (first?.kind !== 'decision' || second?.kind !== 'decision') throw new Error('expected decisions');
    expect(first.number).toBe(1);
    expect(first.anchor).toBe(ID);
    expect(first.runs.map((r) => r.text).join('')).toBe('推进老旧小区改造。');
    expect(decisionFieldsLine(first.fields)).toBe(
      '牵头单位：区住建局；配合单位：区财政局、各街道；责任人：王强；完成时限：2025-03-31',
    );
    expect(second.number).toBe(2);
    expect(decisionFieldsLine(second.fields)).toBe('完成时限：待定');
  });
});
