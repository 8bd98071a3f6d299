// The durable update log under concurrency: group commit must still resolve each append only once its row is
// committed, lose nothing, and a load (sliced merge) must give back exactly the document that was written.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestApp, signedIn, type TestApp } from '../../tests/support/testApp.ts';

let t: TestApp;
let documentId: string;
let userId: string;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await signedIn(t, 'zhangwei');
  const created = await owner.post('/api/documents', { kind: 'draft', title: '日志并发写入' });
  documentId = (created.json() as { id: string }).id;
  userId = (await t.app.svc.db.user.findFirstOrThrow({ where: { username: 'zhangwei' } })).id;
});
afterAll(async () => {
  await t.close();
});

/** n small updates, as n editors typing one line each would send them. */
function updates(n: number, prefix = ''): { updates: Uint8Array[]; lines: string[] } {
  const out: Uint8Array[] = [];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => out.push(u));
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(`${prefix}第${i}行`)]);
    doc.getXmlFragment('default').insert(0, [p]);
    lines.push(`${prefix}第${i}行`);
  }
  return { updates: out, lines };
}

describe('DocumentStore', () => {
  it('commits each of many concurrent appends before resolving it, and loads them all back', async () => {
    const store = t.app.svc.collab.store;
    const { updates: batch, lines } = updates(300);
    const before = await t.app.svc.db.documentUpdate.count({ where: { documentId } });
    const committedWhenResolved: boolean[] = [];
    await Promise.all(
      batch.map(async (u, i) => {
        await store.append(documentId, u, userId);
        // A resolved append must already be readable from the database.
        const rows = await t.app.svc.db.documentUpdate.count({ where: { documentId } });
        committedWhenResolved[i] = rows > before;
      }),
    );
    expect(committedWhenResolved.every(Boolean)).toBe(true);
    expect(await t.app.svc.db.documentUpdate.count({ where: { documentId } })).toBe(before + 300);

    const { state, tail } = await store.load(documentId);
    expect(tail).toBe(before + 300);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state!);
    const text = doc.getXmlFragment('default').toString();
    expect(lines.filter((l) => !text.includes(l))).toEqual([]);

    const { folded } = await store.compact(documentId);
    expect(folded).toBe(before + 300);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, (await store.load(documentId)).state!);
    expect(reloaded.getXmlFragment('default').toString()).toBe(text);
  });

  it("never lets an append join another command's open transaction (it would be rolled back after its ack)", async () => {
    const { db } = t.app.svc;
    const store = t.app.svc.collab.store;
    const [u] = updates(1).updates;
    const before = await db.documentUpdate.count({ where: { documentId } });
    let append: Promise<void> | null = null;
    const rolledBack = db.$transaction(async (tx) => {
      await tx.unit.count();
      append = store.append(documentId, u!, userId);
      // Let the append's write start while this transaction is still open, then abort the transaction.
      await nextTurn();
      await nextTurn();
      throw new Error('abort');
    });
    await expect(rolledBack).rejects.toThrow('abort');
    await append;
    expect(await db.documentUpdate.count({ where: { documentId } })).toBe(before + 1);
  });

  it('waits for a write transaction of another command, without blocking the event loop, then commits', async () => {
    const { db } = t.app.svc;
    const store = t.app.svc.collab.store;
    const [u] = updates(1).updates;
    const before = await db.documentUpdate.count({ where: { documentId } });
    let append: Promise<void> | null = null;
    let appended = false;
    let turnsWhileLocked = 0;
    await db.$transaction(async (tx) => {
      // The transaction takes the write lock and keeps it across awaits, as a command does.
      await tx.$executeRawUnsafe('UPDATE "Unit" SET "name" = "name" WHERE rowid = (SELECT MIN(rowid) FROM "Unit")');
      append = store.append(documentId, u!, userId).then(() => {
        appended = true;
      });
      for (let i = 0; i < 20; i++) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        turnsWhileLocked++;
      }
      expect(appended).toBe(false);
    });
    await append;
    expect(turnsWhileLocked).toBe(20);
    expect(await db.documentUpdate.count({ where: { documentId } })).toBe(before + 1);
  });

  it('keeps the newest snapshot when an older compaction finishes last', async () => {
    const { db } = t.app.svc;
    const store = t.app.svc.collab.store;
    const { updates: batch, lines } = updates(5, '压缩');
    for (const u of batch.slice(0, 3)) await store.append(documentId, u, userId);
    // The first compaction reads the log, then the second appends more and compacts before the first writes.
    const load = store.load.bind(store);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    store.load = async (id) => {
      const result = await load(id);
      if (calls++ === 0) await held;
      return result;
    };
    try {
      const older = store.compact(documentId);
      await new Promise((resolve) => setTimeout(resolve, 5));
      for (const u of batch.slice(3)) await store.append(documentId, u, userId);
      await store.compact(documentId);
      release();
      await older;
    } finally {
      store.load = load;
    }
    const snapshot = await db.documentSnapshot.findUniqueOrThrow({ where: { documentId } });
    expect(await db.documentUpdate.count({ where: { documentId, seq: { lte: snapshot.lastSeq } } })).toBe(0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await store.load(documentId)).state!);
    const text = doc.getXmlFragment('default').toString();
    for (const line of lines) expect(text).toContain(line);
  });

  it('fails only the append that cannot be written, not the others committed in the same batch', async () => {
    const store = t.app.svc.collab.store;
    const [a, b, c] = updates(3).updates;
    const results = await Promise.allSettled([
      store.append(documentId, a!, userId),
      store.append('00000000-0000-0000-0000-000000000000', b!, userId), // no such document: the foreign key refuses it
      store.append(documentId, c!, userId),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await expect(store.append(documentId, a!, userId)).resolves.toBeUndefined();
  });
});
