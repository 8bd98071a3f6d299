// The ink update rules, table by table: a client document makes a change, the server-side check judges the update it
// produced against the server's copy, and accepted updates are applied so that later steps build on them.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  addStroke,
  addWhiteboardPage,
  deleteNote,
  deleteStroke,
  encodePoints,
  INK_LIMITS,
  notesMap,
  pagesArray,
  removeWhiteboardPage,
  strokesMap,
  updateNote,
  type InkStroke,
} from '../../common/schema/inkModel.ts';
import { inkUpdateProblem } from './inkUpdateRules.ts';

const NOW = 1_700_000_000_000;
const ALICE = 'alice';
const BOB = 'bob';
const PEN = { page: '2', tool: 'pen', color: '#000000', width: 2, points: [0.1, 0.1, 0.5, 0.2, 0.2, 0.6] } as const;

class Room {
  readonly server = new Y.Doc({ gc: false });
  now = NOW;
  lastKind: string | null = null;

  join(userId: string, mayEraseOthers = false, gc = true) {
    const fresh = () => {
      const d = new Y.Doc({ gc });
      Y.applyUpdate(d, Y.encodeStateAsUpdate(this.server));
      return d;
    };
    const room = this;
    const client = {
      doc: fresh(),
      /**
       * Runs a change on the client; returns the server's verdict on the update it produced (applied when accepted).
       * A refused client starts again from the server's state, as a reconnecting provider would.
       */
      send(change: (d: Y.Doc) => void): string | null {
        const doc = client.doc;
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.server, Y.encodeStateVector(doc)));
        const updates: Uint8Array[] = [];
        const capture = (u: Uint8Array) => updates.push(u);
        doc.on('update', capture);
        try {
          change(doc);
        } finally {
          doc.off('update', capture);
        }
        const problem = room.receive(Y.mergeUpdates(updates), userId, mayEraseOthers);
        if (problem) client.doc = fresh();
        return problem;
      },
    };
    return client;
  }

  receive(update: Uint8Array, userId: string, mayEraseOthers: boolean): string | null {
    const problem = inkUpdateProblem(this.server, update, { userId, mayEraseOthers, now: this.now });
    if (!problem) Y.applyUpdate(this.server, update);
    this.lastKind = problem?.kind ?? null;
    return problem?.message ?? null;
  }

  strokeIds(): string[] {
    return [...strokesMap(this.server).keys()].sort();
  }
}

/** A per-user undo manager on the client's strokes, as the ink canvas keeps one. */
function withUndo(client: { doc: Y.Doc }) {
  const origin = Symbol('mine');
  return { origin, undo: new Y.UndoManager(strokesMap(client.doc), { trackedOrigins: new Set([origin]) }) };
}

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** The same update with an empty delete set (a V1 update ends with its delete set). */
function withoutDeleteSet(update: Uint8Array): Uint8Array {
  const { ds } = Y.decodeUpdate(update);
  const tail = [...varUint(ds.clients.size)];
  for (const [client, ranges] of ds.clients) {
    tail.push(...varUint(client), ...varUint(ranges.length));
    for (const r of ranges) tail.push(...varUint(r.clock), ...varUint(r.len));
  }
  const head = update.subarray(0, update.length - tail.length);
  expect([...update.subarray(update.length - tail.length)]).toEqual(tail);
  return new Uint8Array([...head, 0]);
}

function rawStroke(over: Partial<InkStroke> = {}): InkStroke {
  return {
    id: 'S1',
    page: '1',
    tool: 'pen',
    color: '#000000',
    width: 2,
    points: encodePoints([0.5, 0.5, 0.5]),
    author: ALICE,
    at: NOW,
    ...over,
  };
}

describe('strokes', () => {
  it('accepts a stroke drawn by the signed-in user now', () => {
    const room = new Room();
    expect(room.join(ALICE).send((d) => addStroke(d, PEN, ALICE, NOW))).toBeNull();
    expect(room.strokeIds()).toHaveLength(1);
  });

  it.each<[string, (d: Y.Doc) => void, RegExp]>([
    ['another author', (d) => addStroke(d, PEN, BOB, NOW), /author/],
    ['a time far from the server clock', (d) => addStroke(d, PEN, ALICE, NOW - INK_LIMITS.atToleranceMs - 1), /time/],
    ['a malformed value', (d) => strokesMap(d).set('S1', { ...rawStroke(), color: 'javascript:' }), /colour/],
    ['an id that differs from its key', (d) => strokesMap(d).set('S2', rawStroke()), /id does not match/],
    [
      'an extra field',
      (d) => strokesMap(d).set('S1', { ...rawStroke(), html: '<img>' } as InkStroke),
      /unexpected field/,
    ],
    [
      'a nested shared type',
      (d) => strokesMap(d as Y.Doc).set('S1', new Y.Map() as unknown as InkStroke),
      /plain values/,
    ],
    ['binary content', (d) => (d.getMap('strokes') as Y.Map<unknown>).set('S1', new Uint8Array(8)), /plain values/],
    ['list entries in the strokes root', (d) => d.getArray('strokes').push([rawStroke()]), /keyed entry/],
    ['keyed entries in the pages root', (d) => d.getMap('pages').set('p', { id: 'p' }), /list entry/],
    ['text in a root of the kind', (d) => d.getText('notes').insert(0, 'hello'), /plain values/],
  ])('refuses %s', (_label, change, reason) => {
    const room = new Room();
    expect(room.join(ALICE).send(change)).toMatch(reason);
    expect(room.lastKind).toBe(/author|time/.test(reason.source) ? 'forbidden' : 'malformed');
    expect(room.strokeIds()).toEqual([]);
  });

  it("judges changing a stroke as erasing it and drawing it again: nobody changes someone else's", () => {
    const room = new Room();
    let id = '';
    room.join(ALICE).send((d) => {
      id = addStroke(d, PEN, ALICE, NOW).id;
    });
    const recolour = (d: Y.Doc) => strokesMap(d).set(id, { ...strokesMap(d).get(id)!, color: '#ff0000' });
    expect(room.join(BOB).send(recolour)).toMatch(/author/);
    expect(room.join('host', true).send(recolour)).toMatch(/author/);
    expect(strokesMap(room.server).get(id)!.color).toBe('#000000');
  });

  it('refuses a value set over a stroke without erasing it (a crafted update)', () => {
    const room = new Room();
    let id = '';
    room.join(ALICE).send((d) => {
      id = addStroke(d, PEN, ALICE, NOW).id;
    });
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.server));
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    strokesMap(client).set(id, { ...strokesMap(client).get(id)!, color: '#ff0000' });
    expect(room.receive(withoutDeleteSet(updates[0]!), ALICE, false)).toMatch(/cannot be changed/);
  });

  it("lets anyone erase their own strokes and only a presenter erase others'", () => {
    const room = new Room();
    const alice = room.join(ALICE);
    let mine = '';
    let theirs = '';
    alice.send((d) => {
      mine = addStroke(d, PEN, ALICE, NOW).id;
    });
    room.join(BOB).send((d) => {
      theirs = addStroke(d, PEN, BOB, NOW).id;
    });
    expect(alice.send((d) => deleteStroke(d, theirs))).toMatch(/only a presenter/);
    expect(room.lastKind).toBe('forbidden');
    expect(alice.send((d) => deleteStroke(d, mine))).toBeNull();
    expect(room.strokeIds()).toEqual([theirs]);
    expect(room.join('host', true).send((d) => deleteStroke(d, theirs))).toBeNull();
    expect(room.strokeIds()).toEqual([]);
  });

  it('accepts an undo that brings back an erased stroke, long after it was drawn', () => {
    const room = new Room();
    const alice = room.join(ALICE);
    const { origin, undo } = withUndo(alice);
    let id = '';
    alice.send((d) => {
      id = addStroke(d, PEN, ALICE, NOW, origin).id;
    });
    undo.stopCapturing();
    alice.send((d) => deleteStroke(d, id, origin));
    room.now = NOW + 3_600_000;
    expect(alice.send(() => undo.undo())).toBeNull();
    expect(room.strokeIds()).toEqual([id]);
  });

  it("lets a presenter undo erasing someone else's stroke, and refuses a look-alike", () => {
    const room = new Room();
    let bobs = '';
    room.join(BOB).send((d) => {
      bobs = addStroke(d, PEN, BOB, NOW).id;
    });
    const host = room.join('host', true);
    const { origin, undo } = withUndo(host);
    host.send((d) => deleteStroke(d, bobs, origin));
    expect(host.send(() => undo.undo())).toBeNull();
    expect(strokesMap(room.server).get(bobs)!.author).toBe(BOB);
    host.send((d) => deleteStroke(d, bobs));
    expect(
      host.send((d) => strokesMap(d).set(bobs, { ...rawStroke({ id: bobs, author: BOB }), color: '#ff0000' })),
    ).toMatch(/author/);
  });

  it('refuses a forged value hidden in an entry that is created and erased in one update', () => {
    const room = new Room();
    const forged = room.join('host', true, false).send((d) =>
      d.transact(() => {
        strokesMap(d).set('F1', rawStroke({ id: 'F1', author: BOB }));
        strokesMap(d).delete('F1');
      }),
    );
    expect(forged).toMatch(/author/);
  });

  it('accepts what an offline client sends on reconnect: erase, undo and erase again, in one update', () => {
    const room = new Room();
    const alice = room.join(ALICE);
    const { origin, undo } = withUndo(alice);
    let id = '';
    alice.send((d) => {
      id = addStroke(d, PEN, ALICE, NOW, origin).id;
    });
    undo.stopCapturing();
    expect(
      alice.send((d) => {
        deleteStroke(d, id, origin);
        undo.stopCapturing();
        undo.undo();
        deleteStroke(d, id);
      }),
    ).toBeNull();
    expect(room.strokeIds()).toEqual([]);
  });

  it('keeps the document under its stroke limit', () => {
    const room = new Room();
    room.server.transact(() => {
      for (let i = 0; i < INK_LIMITS.maxStrokesPerDocument; i++)
        strokesMap(room.server).set(`s${i}`, rawStroke({ id: `s${i}` }));
    });
    expect(room.join(ALICE).send((d) => addStroke(d, PEN, ALICE, NOW))).toMatch(/full/);
    expect(room.lastKind).toBe('full');
  });

  it('refuses bytes that are not an update', () => {
    expect(new Room().receive(new Uint8Array([255, 255, 255, 1, 2]), ALICE, false)).toBe('malformed update');
  });
});

describe('notes', () => {
  it('lets the author edit and delete a note, and nobody else but a presenter', () => {
    const room = new Room();
    const alice = room.join(ALICE);
    const bob = room.join(BOB);
    let id = '';
    expect(
      alice.send((d) => {
        id = addNote(d, { page: '1', x: 0.2, y: 0.3, text: '请核实', color: '#ffee00' }, ALICE, NOW).id;
      }),
    ).toBeNull();
    expect(alice.send((d) => updateNote(d, id, { text: '已核实' }))).toBeNull();
    expect(bob.send((d) => updateNote(d, id, { text: '改掉' }))).toMatch(/only the author/);
    expect(bob.send((d) => deleteNote(d, id))).toMatch(/only a presenter/);
    expect(alice.send((d) => notesMap(d).set(id, { ...notesMap(d).get(id)!, author: BOB }))).toMatch(/cannot change/);
    expect(notesMap(room.server).get(id)!.text).toBe('已核实');
    expect(room.join('host', true).send((d) => updateNote(d, id, { x: 0.9 }))).toBeNull();
    expect(alice.send((d) => deleteNote(d, id))).toBeNull();
    expect(notesMap(room.server).size).toBe(0);
  });
});

describe('whiteboard pages', () => {
  it('lets anyone add pages as themselves and remove only their own', () => {
    const room = new Room();
    const alice = room.join(ALICE);
    let pageId = '';
    expect(
      alice.send((d) => {
        pageId = addWhiteboardPage(d, 'blank', ALICE, NOW).id;
      }),
    ).toBeNull();
    expect(alice.send((d) => addWhiteboardPage(d, { snapshotFileId: 'f1' }, ALICE, NOW))).toBeNull();
    expect(room.join(BOB).send((d) => addWhiteboardPage(d, 'blank', ALICE, NOW))).toMatch(/creator/);
    expect(room.join(BOB).send((d) => removeWhiteboardPage(d, pageId))).toMatch(/only a presenter/);
    expect(
      room
        .join(BOB)
        .send((d) => pagesArray(d).push([{ id: 'p', background: 'grid' as 'blank', createdBy: BOB, at: NOW }])),
    ).toMatch(/background/);
    expect(alice.send((d) => removeWhiteboardPage(d, pageId))).toBeNull();
    expect(pagesArray(room.server).length).toBe(1);
  });
});
