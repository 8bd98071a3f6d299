import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, addStroke, deleteStroke } from '../../../../common/schema/inkModel.ts';
import { PageInk } from './pageInk.ts';

const stroke = (page: string) => ({
  page,
  tool: 'pen' as const,
  color: '#000000',
  width: 3,
  points: [0.1, 0.1, 0.5, 0.2, 0.2, 0.5],
});

describe('PageInk', () => {
  it("merges the shared and the private layer of one page in drawing order, and ignores other pages' changes", () => {
    const shared = new Y.Doc();
    const own = new Y.Doc();
    const ink = new PageInk(
      [
        { doc: shared, layer: 'shared' },
        { doc: own, layer: 'private' },
      ],
      '2',
    );
    let changes = 0;
    ink.subscribe(() => changes++);
    const first = addStroke(shared, stroke('2'), 'u', 1000);
    const mine = addStroke(own, stroke('2'), 'u', 2000);
    addStroke(shared, stroke('3'), 'u', 3000);
    const note = addNote(own, { page: '2', x: 0.5, y: 0.5, text: '意见', color: '#fff1b8' }, 'u', 4000);
    expect(changes).toBe(3);
    const snap = ink.getSnapshot();
    expect(snap.strokes.map((s) => [s.stroke.id, s.layer])).toEqual([
      [first.id, 'shared'],
      [mine.id, 'private'],
    ]);
    expect(snap.notes.map((n) => n.note.id)).toEqual([note.id]);
    deleteStroke(shared, first.id);
    expect(changes).toBe(4);
    expect(ink.getSnapshot().strokes.map((s) => s.stroke.id)).toEqual([mine.id]);
    ink.destroy();
    addStroke(shared, stroke('2'), 'u', 5000);
    expect(changes).toBe(4);
  });
});
