// The shared ink model: point encoding round trips, value parsing tables, and the document helpers through Yjs.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  addStroke,
  addWhiteboardPage,
  decodePoints,
  deleteStroke,
  encodePoints,
  INK_LIMITS,
  newInkId,
  notesOnPage,
  parseAwareness,
  parseNote,
  parsePage,
  parseStroke,
  removeWhiteboardPage,
  strokePoints,
  strokesByPage,
  strokesOnPage,
  updateNote,
  whiteboardPages,
  type InkStroke,
} from './inkModel.ts';

const USER = '0b6f1c2e-1111-4222-8333-444455556666';

function stroke(over: Partial<Record<keyof InkStroke, unknown>> = {}): Record<string, unknown> {
  return {
    id: 'abc',
    page: '2',
    tool: 'pen',
    color: '#112233',
    width: 2,
    points: encodePoints([0.1, 0.2, 0.5, 0.11, 0.21, 0.6]),
    author: USER,
    at: 1_700_000_000_000,
    ...over,
  };
}

describe('encodePoints / decodePoints', () => {
  it('round-trips to the stored resolution', () => {
    const flat = [0, 0, 0, 1, 1, 1, 0.12345, 0.98765, 0.333, 0.5, 0.5, 0.5];
    const back = decodePoints(encodePoints(flat))!;
    expect(back).toHaveLength(flat.length);
    flat.forEach((v, i) => expect(back[i]).toBeCloseTo(v, i % 3 === 2 ? 2 : 4));
  });

  it('clamps out-of-range and non-finite input', () => {
    expect(Array.from(decodePoints(encodePoints([-0.5, 1.5, Number.NaN]))!)).toEqual([0, 1, 0]);
  });

  it('is compact for a pen stroke (a few characters per point)', () => {
    const flat: number[] = [];
    for (let i = 0; i < 200; i++)
      flat.push(0.3 + i * 0.001, 0.4 + Math.sin(i / 10) * 0.01, 0.5 + Math.sin(i / 7) * 0.1);
    expect(encodePoints(flat).length).toBeLessThan(200 * 7);
  });

  it.each([
    ['a character outside the alphabet', ' '],
    ['an unfinished value', '_'],
    ['a count that is not a multiple of three', '??'],
    ['a coordinate out of range', encodePoints([1, 1, 1]) + encodePoints([1, 0, 0])],
    ['a value too long to be ours', '~~~~~~~~~~?'],
  ])('rejects %s', (_label, encoded) => {
    expect(decodePoints(encoded)).toBeNull();
  });

  it('refuses input that is not triples', () => {
    expect(() => encodePoints([0.1, 0.2])).toThrow();
  });
});

describe('parseStroke', () => {
  it('accepts a well-formed stroke', () => {
    expect(parseStroke(stroke())).toMatchObject({ ok: true });
  });

  it.each<[string, Record<string, unknown> | unknown]>([
    ['an extra field', stroke({ extra: 1 } as Partial<Record<keyof InkStroke, unknown>>)],
    [
      'a missing field',
      (() => {
        const s = stroke();
        delete s.color;
        return s;
      })(),
    ],
    ['an unknown tool', stroke({ tool: 'spray' })],
    ['a bad colour', stroke({ color: 'red' })],
    ['a zero width', stroke({ width: 0 })],
    ['a huge width', stroke({ width: 1e6 })],
    ['a NaN width', stroke({ width: Number.NaN })],
    ['bad points', stroke({ points: 'not points!' })],
    ['points as an array', stroke({ points: [0.1, 0.2, 0.3] })],
    ['a line with three points', stroke({ tool: 'line', points: encodePoints([0, 0, 0, 0.5, 0.5, 0.5, 1, 1, 1]) })],
    ['too many points', stroke({ points: encodePoints(new Array((INK_LIMITS.maxPointsPerStroke + 1) * 3).fill(0.5)) })],
    ['a bad id', stroke({ id: 'a b' })],
    ['a bad page', stroke({ page: '' })],
    ['a fractional time', stroke({ at: 1.5 })],
    ['an author that is not an id', stroke({ author: { id: USER } })],
    ['not an object', 'stroke'],
    ['an array', []],
    ['bytes', new Uint8Array(4)],
  ])('refuses %s', (_label, value) => {
    expect(parseStroke(value).ok).toBe(false);
  });
});

describe('parseNote and parsePage', () => {
  const note = {
    id: 'n1',
    page: '1',
    x: 0.5,
    y: 0.25,
    text: '请核对数字',
    color: '#ffee00',
    author: USER,
    at: 1_700_000_000_000,
  };

  it('accepts well-formed notes and pages', () => {
    expect(parseNote(note).ok).toBe(true);
    expect(parsePage({ id: 'p1', background: 'blank', createdBy: USER, at: 1 }).ok).toBe(true);
    expect(parsePage({ id: 'p1', background: { snapshotFileId: 'f1' }, createdBy: USER, at: 1 }).ok).toBe(true);
  });

  it.each([
    ['a note off the page', { ...note, x: 1.5 }],
    ['a note with too much text', { ...note, text: 'x'.repeat(INK_LIMITS.maxNoteChars + 1) }],
    ['a note with an extra field', { ...note, html: '<b>' }],
  ])('refuses %s', (_label, value) => {
    expect(parseNote(value).ok).toBe(false);
  });

  it.each([
    ['an unknown background', { id: 'p1', background: 'grid', createdBy: USER, at: 1 }],
    [
      'a background with extra fields',
      { id: 'p1', background: { snapshotFileId: 'f1', url: 'http://x' }, createdBy: USER, at: 1 },
    ],
    ['a missing creator', { id: 'p1', background: 'blank', at: 1 }],
  ])('refuses a page with %s', (_label, value) => {
    expect(parsePage(value).ok).toBe(false);
  });
});

describe('document helpers', () => {
  it('adds, lists by page in drawing order and erases strokes, through a Yjs round trip', () => {
    const doc = new Y.Doc();
    const late = addStroke(
      doc,
      { page: '2', tool: 'pen', color: '#000000', width: 2, points: [0.1, 0.1, 0.5, 0.2, 0.2, 0.5] },
      USER,
      2_000,
    );
    const early = addStroke(
      doc,
      { page: '2', tool: 'highlighter', color: '#ffff00', width: 12, points: [0.3, 0.3, 0.5] },
      USER,
      1_000,
    );
    addStroke(
      doc,
      { page: '3', tool: 'line', color: '#ff0000', width: 1, points: [0, 0, 0.5, 1, 1, 0.5] },
      USER,
      1_500,
    );
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(strokesOnPage(copy, '2').map((s) => s.id)).toEqual([early.id, late.id]);
    expect([...strokesByPage(copy).keys()].sort()).toEqual(['2', '3']);
    expect(strokePoints(late)[1]![0]).toBeCloseTo(0.2, 4);
    deleteStroke(copy, late.id);
    expect(strokesOnPage(copy, '2').map((s) => s.id)).toEqual([early.id]);
  });

  it('undo covers only the strokes added with the tracked origin', () => {
    const doc = new Y.Doc();
    const mine = Symbol('mine');
    const undo = new Y.UndoManager(doc.getMap('strokes'), { trackedOrigins: new Set([mine]) });
    const own = addStroke(
      doc,
      { page: '1', tool: 'pen', color: '#000000', width: 2, points: [0.1, 0.1, 0.5] },
      USER,
      1,
      mine,
    );
    const theirs = addStroke(
      doc,
      { page: '1', tool: 'pen', color: '#000000', width: 2, points: [0.2, 0.2, 0.5] },
      'someone-else',
      2,
    );
    undo.undo();
    expect(strokesOnPage(doc, '1').map((s) => s.id)).toEqual([theirs.id]);
    undo.redo();
    expect(strokesOnPage(doc, '1').map((s) => s.id)).toEqual([own.id, theirs.id]);
  });

  it('refuses to write an invalid stroke', () => {
    expect(() =>
      addStroke(new Y.Doc(), { page: '1', tool: 'pen', color: 'red', width: 2, points: [0.1, 0.1, 0.5] }, USER),
    ).toThrow(/colour/);
  });

  it('keeps notes and whiteboard pages', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, { page: '1', x: 0.1, y: 0.2, text: '待议', color: '#ffee00' }, USER, 5);
    updateNote(doc, note.id, { text: '已议' });
    expect(notesOnPage(doc, '1').map((n) => n.text)).toEqual(['已议']);
    const first = addWhiteboardPage(doc, 'blank', USER, 1);
    addWhiteboardPage(doc, { snapshotFileId: 'file-1' }, USER, 2);
    removeWhiteboardPage(doc, first.id);
    expect(whiteboardPages(doc).map((p) => p.background)).toEqual([{ snapshotFileId: 'file-1' }]);
  });

  it('makes distinct url-safe ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newInkId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

describe('parseAwareness', () => {
  const state = {
    user: { id: USER, name: '张三', color: '#3366ff' },
    follow: { presenter: true, materialId: 'm1', page: '3', zoom: 1.5, scrollX: 0, scrollY: 120 },
    laser: { x: 0.5, y: 0.5, at: 1_700_000_000_000 },
  };

  it('accepts presence with follow and laser, and presence alone', () => {
    expect(parseAwareness(state).ok).toBe(true);
    expect(parseAwareness({ user: state.user })).toEqual({
      ok: true,
      value: { user: state.user, follow: null, laser: null },
    });
  });

  it.each([
    ['an extra field', { ...state, script: 'x' }],
    ['no user', { follow: state.follow }],
    ['a laser off the page', { ...state, laser: { x: 2, y: 0, at: 1 } }],
    ['an absurd zoom', { ...state, follow: { ...state.follow, zoom: 1e9 } }],
  ])('refuses %s', (_label, value) => {
    expect(parseAwareness(value).ok).toBe(false);
  });
});
