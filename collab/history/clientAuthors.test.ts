// The server-owned clientAuthors map under client updates: an offline copy that replays the server's own entries
// after a restore is accepted; a new entry, another value, a deletion, a nested value or an overwrite through an
// origin (which names no parent) is refused — through the same check the collab server runs on every update.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateProblem } from '../extensions/ValidationExtension.ts';
import { DOCUMENT_FIELD } from '../../common/schema/documentSchema.ts';
import { authorsMap } from './clientAuthors.ts';

/** What a client sends the server on reconnecting: everything it has that the server lacks. */
const updateFor = (client: Y.Doc, server: Y.Doc) => Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));

/** The update a change to a copy produces. */
function change(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const capture = (u: Uint8Array) => updates.push(u);
  doc.on('update', capture);
  doc.transact(() => edit(doc));
  doc.off('update', capture);
  return Y.mergeUpdates(updates);
}

function typeParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = doc.getXmlFragment(DOCUMENT_FIELD);
  body.insert(body.length, [paragraph]);
}

/**
 * A client that typed, and a server that took the text and attributed the client's id (as AuthorshipExtension
 * does); the client holds the server's entry, as an offline copy would.
 */
function attributedClient() {
  const server = new Y.Doc({ gc: false });
  const client = new Y.Doc({ gc: false });
  const text = change(client, (d) => typeParagraph(d, '关于做好冬季安全生产工作的通知'));
  Y.applyUpdate(server, text);
  const key = String(client.clientID);
  server.transact(() => authorsMap(server).set(key, 'user-a'));
  Y.applyUpdate(client, updateFor(server, client));
  return { server, client, key, text };
}

/** The server after a restore: the text, and attributions written anew by this server (other items, same or not). */
function restoredServer(text: Uint8Array, entries: Record<string, string>): Y.Doc {
  const server = new Y.Doc({ gc: false });
  Y.applyUpdate(server, text);
  server.transact(() => {
    for (const [key, value] of Object.entries(entries)) authorsMap(server).set(key, value);
  });
  return server;
}

const problem = (update: Uint8Array, server: Y.Doc, kind = 'draft') => updateProblem(update, kind, server);

describe('the clientAuthors map', () => {
  it('accepts an offline copy replaying entries the restored server already has', () => {
    const { client, key, text } = attributedClient();
    const server = restoredServer(text, { [key]: 'user-a', 12345: 'user-b' });
    const update = updateFor(client, server);
    expect(Y.decodeUpdate(update).structs.length).toBeGreaterThan(0);
    expect(problem(update, server)).toBeNull();
    Y.applyUpdate(server, update);
    expect(authorsMap(server).toJSON()).toEqual({ [key]: 'user-a', 12345: 'user-b' });
  });

  it('still refuses an entry the server does not have, or has with another value', () => {
    const { client, key, text } = attributedClient();
    expect(problem(updateFor(client, restoredServer(text, {})), restoredServer(text, {}))).toMatch(
      /server-owned: the entry for client \d+ is not the server's/,
    );
    const other = restoredServer(text, { [key]: 'user-b' });
    expect(problem(updateFor(client, other), other)).toMatch(/is not the server's/);
  });

  it('accepts a client setting an entry to the value the server has, and refuses any other value', () => {
    const { server, client, key } = attributedClient();
    // An existing key: the new item names the old one as its origin, and no parent.
    const same = change(client, (d) => authorsMap(d).set(key, 'user-a'));
    expect(Y.decodeUpdate(same).structs.every((s) => !(s instanceof Y.Item) || s.parent === null)).toBe(true);
    expect(problem(same, server)).toBeNull();
    const { server: server2, client: client2, key: key2 } = attributedClient();
    expect(
      problem(
        change(client2, (d) => authorsMap(d).set(key2, 'user-x')),
        server2,
      ),
    ).toMatch(/is not the server's/);
  });

  it('refuses new keys, deletions and anything but a plain entry', () => {
    const cases: Array<[string, (d: Y.Doc, key: string) => void, RegExp]> = [
      ['a new key', (d) => authorsMap(d).set('424242', 'user-a'), /is not the server's/],
      ['a deletion', (d, key) => authorsMap(d).delete(key), /would change it/],
      [
        'a nested value',
        (d) => (d.getMap('clientAuthors') as Y.Map<unknown>).set('7', new Y.Map()),
        /only its own entries/,
      ],
      ['a number', (d, key) => (d.getMap('clientAuthors') as Y.Map<unknown>).set(key, 1), /only its own entries/],
    ];
    for (const [name, edit, expected] of cases) {
      const { server, client, key } = attributedClient();
      expect(
        problem(
          change(client, (d) => edit(d, key)),
          server,
        ),
        name,
      ).toMatch(expected);
    }
  });

  it('leaves ordinary editing alone, and refuses the map where it cannot be checked', () => {
    const { server, client } = attributedClient();
    expect(
      problem(
        change(client, (d) => typeParagraph(d, '第二段')),
        server,
      ),
    ).toBeNull();
    const entry = change(new Y.Doc(), (d) => authorsMap(d).set('1', 'user-a'));
    expect(updateProblem(entry, 'draft')).toMatch(/root "clientAuthors" is not part of a draft document/);
    expect(updateProblem(entry, 'whiteboard', new Y.Doc())).toMatch(
      /root "clientAuthors" is not part of a whiteboard document/,
    );
  });
});
