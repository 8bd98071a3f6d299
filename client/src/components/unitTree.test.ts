// The unit tree built from the server's flat list, and the exclusion used when choosing a unit's new parent.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../api/types.ts';
import { unitAncestors, unitAndDescendants, unitTree, type UnitNode } from './unitTree.ts';

const unit = (id: string, parentId: string | null): Unit => ({
  id,
  name: `unit ${id}`,
  shortName: null,
  aliases: [],
  parentId,
  sortOrder: 0,
  archiveCode: null,
  memberCount: 0,
});
const UNITS = [
  unit('gov', null),
  unit('office', 'gov'),
  unit('dc', 'office'),
  unit('it', 'office'),
  unit('finance', 'gov'),
  unit('other', null),
];

const shape = (nodes: UnitNode[]): unknown =>
  nodes.map((n) => (n.children.length ? { [n.key]: shape(n.children) } : n.key));

describe('unitTree', () => {
  it('nests units under their parents in server order', () => {
    expect(shape(unitTree(UNITS))).toEqual([{ gov: [{ office: ['dc', 'it'] }, 'finance'] }, 'other']);
  });

  it('leaves out a unit and everything under it', () => {
    expect(shape(unitTree(UNITS, 'office'))).toEqual([{ gov: ['finance'] }, 'other']);
  });

  it('treats a unit whose parent is unknown as a root', () => {
    expect(shape(unitTree([unit('a', 'missing'), unit('b', 'a')]))).toEqual([{ a: ['b'] }]);
  });
});

describe('unitAndDescendants', () => {
  it.each([
    ['office', ['office', 'dc', 'it']],
    ['gov', ['gov', 'office', 'dc', 'it', 'finance']],
    ['dc', ['dc']],
  ])('%s', (id, expected) => {
    expect([...unitAndDescendants(UNITS, id)].sort()).toEqual([...expected].sort());
  });
});

describe('unitAncestors', () => {
  it.each([
    ['dc', ['office', 'gov']],
    ['finance', ['gov']],
    ['gov', []],
    ['unknown', []],
  ])('%s', (id, expected) => {
    expect(unitAncestors(UNITS, id)).toEqual(expected);
  });

  it('stops at a loop, and after a parent it does not know', () => {
    expect(unitAncestors([unit('a', 'b'), unit('b', 'a')], 'a')).toEqual(['b']);
    expect(unitAncestors([unit('a', 'missing')], 'a')).toEqual(['missing']);
  });
});
