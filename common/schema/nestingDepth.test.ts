import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deepestNewElement } from './nestingDepth.ts';

/** The update a change to `doc` produces, and the document as it was before it. */
function change(doc: Y.Doc, edit: (fragment: Y.XmlFragment) => void): { before: Y.Doc; update: Uint8Array } {
  const before = new Y.Doc();
  Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
  let update: Uint8Array = new Uint8Array();
  const capture = (u: Uint8Array) => {
    update = u;
  };
  doc.on('update', capture);
  doc.transact(() => edit(doc.getXmlFragment('default')));
  doc.off('update', capture);
  return { before, update };
}

/** Nests `depth` blockquotes at the start of a container, one level at a time (as a client typing them would). */
function nest(container: Y.XmlFragment | Y.XmlElement, depth: number): void {
  let at = container;
  for (let i = 0; i < depth; i++) {
    const next = new Y.XmlElement('blockquote');
    at.insert(0, [next]);
    at = next;
  }
  at.insert(0, [new Y.XmlText('底')]);
}

const depthOf = (c: { before: Y.Doc; update: Uint8Array }) => deepestNewElement(c.before, Y.decodeUpdate(c.update));

describe('deepestNewElement', () => {
  it('measures elements nested in one update, up to thousands deep', () => {
    expect(depthOf(change(new Y.Doc(), (f) => nest(f, 3)))).toBe(3);
    expect(depthOf(change(new Y.Doc(), (f) => nest(f, 4000)))).toBe(4000);
  });

  it('counts the levels already in the document under a new element, and siblings placed by their neighbour', () => {
    const doc = new Y.Doc();
    change(doc, (f) => nest(f, 3));
    const deepest = () =>
      ((doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    // A child inside the third level: depth 4, its container named by id in the update.
    expect(depthOf(change(doc, () => deepest().insert(0, [new Y.XmlElement('paragraph')])))).toBe(4);
    // A sibling after that paragraph: its container comes from its neighbour, which is in the document.
    expect(depthOf(change(doc, () => deepest().insert(1, [new Y.XmlElement('paragraph')])))).toBe(4);
    // A paragraph at the top: 1.
    expect(depthOf(change(doc, (f) => f.insert(1, [new Y.XmlElement('paragraph')])))).toBe(1);
  });

  it('is 0 for typing, and does not overflow on thousands of siblings in one update', () => {
    const doc = new Y.Doc();
    change(doc, (f) => f.insert(0, [new Y.XmlElement('paragraph')]));
    const text = new Y.XmlText('');
    change(doc, (f) => (f.get(0) as Y.XmlElement).insert(0, [text]));
    expect(depthOf(change(doc, () => text.insert(0, '正文')))).toBe(0);
    const many = Array.from({ length: 5000 }, () => new Y.XmlElement('paragraph'));
    expect(depthOf(change(doc, (f) => f.insert(1, many)))).toBe(1);
  });
});
