import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStroke, deleteStroke, strokesMap } from '../../../../common/schema/inkModel.ts';
import { InkHistory } from './inkHistory.ts';

const input = (page = '2') => ({
  page,
  tool: 'pen' as const,
  color: '#cc0000',
  width: 4,
  points: [0.1, 0.1, 0.5, 0.2, 0.2, 0.7],
});

/** Two replicas of the shared layer, kept in sync as the collab server would. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return { a, b };
}

describe('InkHistory', () => {
  it("undoes only one's own strokes, never someone else's", () => {
    const { a, b } = pair();
    const history = new InkHistory([a]);
    const mine = addStroke(a, input(), 'userA', Date.now(), history.origin);
    const theirs = addStroke(b, input(), 'userB');
    expect([...strokesMap(a).keys()].sort()).toEqual([mine.id, theirs.id].sort());
    history.undo();
    expect([...strokesMap(a).keys()]).toEqual([theirs.id]);
    expect([...strokesMap(b).keys()]).toEqual([theirs.id]);
    // Nothing more of mine to undo: B's stroke stays.
    history.undo();
    expect([...strokesMap(b).keys()]).toEqual([theirs.id]);
    history.redo();
    expect(strokesMap(b).get(mine.id)).toEqual(mine);
  });

  it('undoes across the shared and the private layer in the order drawn, and a new stroke ends redo', () => {
    const shared = new Y.Doc();
    const own = new Y.Doc();
    const history = new InkHistory([shared, own]);
    const changes: boolean[] = [];
    history.subscribe(() => changes.push(history.getSnapshot().canUndo));
    const s1 = addStroke(shared, input(), 'u', Date.now(), history.origin);
    const p1 = addStroke(own, input(), 'u', Date.now(), history.origin);
    const s2 = addStroke(shared, input(), 'u', Date.now(), history.origin);
    history.undo();
    expect(strokesMap(shared).has(s2.id)).toBe(false);
    history.undo();
    expect(strokesMap(own).has(p1.id)).toBe(false);
    expect(strokesMap(shared).has(s1.id)).toBe(true);
    expect(history.getSnapshot()).toEqual({ canUndo: true, canRedo: true });
    // Drawing in the shared layer drops the private layer's redo too.
    addStroke(shared, input(), 'u', Date.now(), history.origin);
    expect(history.getSnapshot().canRedo).toBe(false);
    history.redo();
    expect(strokesMap(own).has(p1.id)).toBe(false);
    expect(changes[0]).toBe(true);
  });

  it('undoes erasing an own stroke, but erasing with another origin is not in the history', () => {
    const doc = new Y.Doc();
    const history = new InkHistory([doc]);
    const mine = addStroke(doc, input(), 'u', Date.now(), history.origin);
    const other = addStroke(doc, input(), 'v', Date.now(), 'remote');
    deleteStroke(doc, mine.id, history.origin);
    deleteStroke(doc, other.id, 'moderator');
    history.undo();
    expect([...strokesMap(doc).keys()]).toEqual([mine.id]);
    history.destroy();
  });
});
