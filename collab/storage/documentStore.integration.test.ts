// The durable update log under concurrency, on each store (the embedded SQLite file, and PostgreSQL when
// TONGBAN_TEST_POSTGRES_URL is set): group commit must still resolve each append only once its row is committed,
// lose nothing, never share another command's transaction, and a load (sliced merge) must give back exactly the
// document that was written.
import { randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestApp, signedIn, type TestApp } from '../../tests/support/testApp.ts';
import { freshTestSchema, POSTGRES_SKIPPED, TEST_POSTGRES_URL, type TestSchema } from '../../tests/support/postgres.ts';
import { systemClock } from '../../server/clock.ts';
import { DocumentStore } from './documentStore.ts';
import { PostgresUpdateLog } from './postgresUpdateLog.ts';

/** One store under test, with what the tests need to look at its tables from outside the store. */
interface StoreUnderTest {
  t: TestApp;
  store: DocumentStore;
  documentId: string;
  userId: string;
  /** Logged updates of the document (with seq ≤ upTo when given), read on another connection. */
  count(documentId: string, upTo?: number): Promise<number>;
  snapshotLastSeq(documentId: string): Promise<number>;
  /** Runs `during` while another connection's open transaction holds what an append must wait for, then commits it. */
  holdingWriteLock(during: () => Promise<void>): Promise<void>;
  /** Runs `during` inside another command's open transaction, which is then rolled back. */
  inRolledBackTransaction(during: () => Promise<void>): Promise<void>;
  /** A document id whose row the store refuses (and why). */
  unwritable: { documentId: string; why: string };
  close(): Promise<void>;
}

async function testDocument(t: TestApp): Promise<{ documentId: string; userId: string }> {
  const owner = await signedIn(t, 'zhangwei');
  const created = await owner.post('/api/documents', { kind: 'draft', title: '日志并发写入' });
  const documentId = (created.json() as { id: string }).id;
  const userId = (await t.app.svc.db.user.findFirstOrThrow({ where: { username: 'zhangwei' } })).id;
  return { documentId, userId };
}

async function onSqlite(): Promise<StoreUnderTest> {
  const t = await createTestApp();
  const { db } = t.app.svc;
  return {
    t,
    store: t.app.svc.collab.store,
    ...(await testDocument(t)),
    count: (documentId, upTo) =>
      db.documentUpdate.count({ where: { documentId, ...(upTo === undefined ? {} : { seq: { lte: upTo } }) } }),
    snapshotLastSeq: async (documentId) =>
      (await db.documentSnapshot.findUniqueOrThrow({ where: { documentId } })).lastSeq,
    async holdingWriteLock(during) {
      await db.$transaction(async (tx) => {
        // The transaction takes the write lock and keeps it across awaits, as a command does.
        await tx.$executeRawUnsafe('UPDATE "Unit" SET "name" = "name" WHERE rowid = (SELECT MIN(rowid) FROM "Unit")');
        await during();
      });
    },
    async inRolledBackTransaction(during) {
      const rolledBack = db.$transaction(async (tx) => {
        await tx.unit.count();
        await during();
        throw new Error('abort');
      });
      await expect(rolledBack).rejects.toThrow('abort');
    },
    unwritable: {
      documentId: '00000000-0000-0000-0000-000000000000',
      why: 'no such document: the foreign key refuses it',
    },
    close: () => t.close(),
  };
}

async function onPostgres(): Promise<StoreUnderTest> {
  const schema: TestSchema = await freshTestSchema();
  const t = await createTestApp({ config: { databaseUrl: schema.url } });
  const store = t.app.svc.collab.store;
  expect(store.kind).toBe('postgresql');
  await store.ready();
  const { pool } = schema;
  return {
    t,
    store,
    ...(await testDocument(t)),
    async count(documentId, upTo) {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT COUNT(*)::integer AS n FROM "DocumentUpdate" WHERE "documentId" = $1 AND "seq" <= $2',
        [documentId, upTo ?? 2 ** 31 - 1],
      );
      return rows[0]!.n;
    },
    async snapshotLastSeq(documentId) {
      const { rows } = await pool.query<{ lastSeq: number }>(
        'SELECT "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" = $1',
        [documentId],
      );
      return rows[0]!.lastSeq;
    },
    async holdingWriteLock(during) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        // EXCLUSIVE conflicts with the ROW EXCLUSIVE an INSERT takes: appends wait until this commits.
        await c.query('LOCK TABLE "DocumentUpdate" IN EXCLUSIVE MODE');
        await during();
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    },
    async inRolledBackTransaction(during) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query('SELECT COUNT(*) FROM "DocumentUpdate"');
        await during();
        await c.query('ROLLBACK');
      } finally {
        c.release();
      }
    },
    unwritable: { documentId: 'no such\u0000document', why: 'PostgreSQL text cannot hold a NUL character' },
    async close() {
      await t.close();
      await schema.drop();
    },
  };
}

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

const stores = [
  { name: 'SQLite', open: onSqlite, skip: false },
  {
    name: `PostgreSQL${TEST_POSTGRES_URL ? '' : ` (${POSTGRES_SKIPPED})`}`,
    open: onPostgres,
    skip: !TEST_POSTGRES_URL,
  },
];

describe.each(stores)('DocumentStore on $name', ({ open, skip }) => {
  let s: StoreUnderTest;
  beforeAll(async () => {
    if (!skip) s = await open();
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(skip)('commits each of many concurrent appends before resolving it, and loads them all back', async () => {
    const { store, documentId, userId } = s;
    const { updates: batch, lines } = updates(300);
    const before = await s.count(documentId);
    const committedWhenResolved: boolean[] = [];
    await Promise.all(
      batch.map(async (u, i) => {
        await store.append(documentId, u, userId);
        // A resolved append must already be readable from the database, on another connection.
        committedWhenResolved[i] = (await s.count(documentId)) > before;
      }),
    );
    expect(committedWhenResolved.every(Boolean)).toBe(true);
    expect(await s.count(documentId)).toBe(before + 300);

    const { state, tail } = await store.load(documentId);
    expect(tail).toBe(before + 300);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state!);
    const text = doc.getXmlFragment('default').toString();
    expect(lines.filter((l) => !text.includes(l))).toEqual([]);

    const { folded } = await store.compact(documentId);
    expect(folded).toBe(before + 300);
    expect(await store.tailLength(documentId)).toBe(0);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, (await store.load(documentId)).state!);
    expect(reloaded.getXmlFragment('default').toString()).toBe(text);
  });

  it.skipIf(skip)(
    "never lets an append join another command's open transaction (it would be rolled back after its ack)",
    async () => {
      const { store, documentId, userId } = s;
      const [u] = updates(1).updates;
      const before = await s.count(documentId);
      let append: Promise<void> | null = null;
      await s.inRolledBackTransaction(async () => {
        append = store.append(documentId, u!, userId);
        // Let the append's write start while this transaction is still open; it is then rolled back.
        await nextTurn();
        await nextTurn();
      });
      await append;
      expect(await s.count(documentId)).toBe(before + 1);
    },
  );

  it.skipIf(skip)(
    'waits for a write transaction of another command, without blocking the event loop, then commits',
    async () => {
      const { store, documentId, userId } = s;
      const [u] = updates(1).updates;
      const before = await s.count(documentId);
      let append: Promise<void> | null = null;
      let appended = false;
      let turnsWhileLocked = 0;
      await s.holdingWriteLock(async () => {
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
      expect(await s.count(documentId)).toBe(before + 1);
    },
  );

  it.skipIf(skip)('keeps the newest snapshot when an older compaction finishes last', async () => {
    const { store, documentId, userId } = s;
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
    const lastSeq = await s.snapshotLastSeq(documentId);
    expect(await s.count(documentId, lastSeq)).toBe(0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await store.load(documentId)).state!);
    const text = doc.getXmlFragment('default').toString();
    for (const line of lines) expect(text).toContain(line);
  });

  it.skipIf(skip)(
    'fails only the append that cannot be written, not the others committed in the same batch',
    async () => {
      const { store, documentId, userId } = s;
      const [a, b, c] = updates(3).updates;
      const results = await Promise.allSettled([
        store.append(documentId, a!, userId),
        store.append(s.unwritable.documentId, b!, userId), // s.unwritable.why
        store.append(documentId, c!, userId),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      await expect(store.append(documentId, a!, userId)).resolves.toBeUndefined();
    },
  );
});

// Two instances on one PostgreSQL: a document's rows must commit in the order of their numbers, or a compaction on
// one instance could fold past a row the other has numbered but not yet committed, and that update would never load.
describe.skipIf(!TEST_POSTGRES_URL)(
  `two DocumentStores on one PostgreSQL${TEST_POSTGRES_URL ? '' : ` (${POSTGRES_SKIPPED})`}`,
  () => {
    let schema: TestSchema;
    // The deployment's tables and documents (the migrations make the log's tables, with their foreign key to "Document").
    let t: TestApp;
    beforeAll(async () => {
      schema = await freshTestSchema();
      t = await createTestApp({ config: { databaseUrl: schema.url } });
    });
    afterAll(async () => {
      await t?.close();
      await schema?.drop();
    });

    it("never lets a compaction fold past another instance's numbered but uncommitted update", async () => {
      const key = randomBytes(32);
      const [a, b] = [0, 1].map(
        (i) =>
          new DocumentStore(
            new PostgresUpdateLog(schema.url, (err) => console.error(`store ${i}`, err)),
            key,
            systemClock,
          ),
      ) as [DocumentStore, DocumentStore];
      try {
        await Promise.all([a.ready(), b.ready()]);
        // Instance a's row takes its number, then waits 300 ms before its transaction commits.
        await schema.pool.query(`CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW."userId" = 'slow' THEN PERFORM pg_sleep(0.3); END IF; RETURN NEW; END $$`);
        await schema.pool.query(
          'CREATE TRIGGER slow_insert AFTER INSERT ON "DocumentUpdate" FOR EACH ROW EXECUTE FUNCTION slow_insert()',
        );
        const { documentId } = await testDocument(t);
        const [first, second] = updates(2, '未提交').updates;
        const slow = a.append(documentId, first!, 'slow');
        await new Promise((resolve) => setTimeout(resolve, 100));
        // Instance b appends to the same document and compacts while a's row is numbered but not committed: b's row
        // must not commit before it (else the compaction folds past a's number and a's update never loads again).
        await b.append(documentId, second!, null);
        await b.compact(documentId);
        await slow;
        const doc = new Y.Doc();
        Y.applyUpdate(doc, (await b.load(documentId)).state!);
        const text = doc.getXmlFragment('default').toString();
        expect(text).toContain('未提交第0行');
        expect(text).toContain('未提交第1行');
      } finally {
        await Promise.all([a.close(), b.close()]);
        await schema.pool.query('DROP TRIGGER IF EXISTS slow_insert ON "DocumentUpdate"');
      }
    });

    it('loses no update while both append to one document and both compact it', async () => {
      const key = randomBytes(32);
      const [a, b] = [0, 1].map(
        (i) =>
          new DocumentStore(
            new PostgresUpdateLog(schema.url, (err) => console.error(`store ${i}`, err)),
            key,
            systemClock,
          ),
      ) as [DocumentStore, DocumentStore];
      try {
        await Promise.all([a.ready(), b.ready()]);
        const { documentId } = await testDocument(t);
        const { updates: all, lines } = updates(400, '双实例');
        let compactions = 0;
        let appending = true;
        const compacting = (async () => {
          while (appending) {
            await Promise.all([a.compact(documentId), b.compact(documentId)]);
            compactions++;
          }
        })();
        await Promise.all(all.map((u, i) => (i % 2 === 0 ? a : b).append(documentId, u, null)));
        appending = false;
        await compacting;
        expect(compactions).toBeGreaterThan(0);
        for (const store of [a, b]) {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, (await store.load(documentId)).state!);
          const text = doc.getXmlFragment('default').toString();
          expect(lines.filter((l) => !text.includes(l))).toEqual([]);
        }
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  },
);
