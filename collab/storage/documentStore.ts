// Durable storage of Yjs documents: an append-only log of updates (each sealed with AES-256-GCM, keyed outside the
// database) plus a compacted snapshot. Loading = snapshot + tail. Compaction merges from storage only, never from
// the in-memory document, so an update that is logged but not yet applied in memory can never be dropped.
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import { Prisma } from '../../prisma/generated/client.ts';
import type { Db } from '../../server/db/client.ts';
import { openBytes, sealBytes } from '../../server/security/cipher.ts';
import type { Clock } from '../../server/clock.ts';

/** Tail length after which the log is folded into the snapshot. */
export const COMPACT_AFTER_UPDATES = 200;

/**
 * Tail updates decrypted and merged per slice when loading. Opening and merging a few hundred updates at once holds
 * the event loop for tens of milliseconds, which every live connection would feel as a latency spike during
 * background compaction; between slices the loop serves them.
 */
const MERGE_SLICE = 64;

/** Rows per INSERT: well under SQLite's limit of bound parameters (four per row). */
const MAX_BATCH_ROWS = 1_000;

/** How long an append may wait for another command's transaction (Prisma's default of 2 s is short under load). */
const TRANSACTION_WAIT_MS = 10_000;

interface PendingAppend {
  documentId: string;
  data: Uint8Array<ArrayBuffer>;
  userId: string | null;
  createdAt: Date;
  committed: () => void;
  failed: (err: unknown) => void;
}

export class DocumentStore {
  /** Appends not yet handed to the database; the next write commits all of them in one statement (one transaction). */
  private readonly queue: PendingAppend[] = [];
  private writeScheduled = false;
  private writing = false;

  constructor(private readonly db: Db, private readonly key: Buffer, private readonly clock: Clock) {}

  private aad(documentId: string): string {
    return `doc:${documentId}`;
  }

  /**
   * Appends one update; resolves once it is committed (WAL), which is when the client may be acknowledged.
   * Group commit: each Prisma write costs far more than the row it writes (a transaction, several async hops), so
   * appends are collected until just after the current event-loop turn (setImmediate: no timer, no added wait when
   * alone) and while a write is in flight, then committed together. Every caller still resolves only after its own
   * row is committed.
   */
  append(documentId: string, update: Uint8Array, userId: string | null): Promise<void> {
    return new Promise<void>((committed, failed) => {
      this.queue.push({ documentId, data: sealBytes(this.key, update, this.aad(documentId)), userId, createdAt: this.clock.now(), committed, failed });
      if (this.writing || this.writeScheduled) return;
      this.writeScheduled = true;
      // Two hops: Hocuspocus sends out this turn's broadcasts on setImmediate too, and the write (synchronous SQLite
      // under Prisma's adapter) would otherwise run first and hold every delivery for its duration.
      setImmediate(() => setImmediate(() => {
        this.writeScheduled = false;
        void this.writeQueued();
      }));
    });
  }

  /** Writes batches until nothing is queued; never rejects (each batch settles its own callers). */
  private async writeQueued(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH_ROWS);
      try {
        await this.insert(batch);
        for (const a of batch) a.committed();
      } catch (err) {
        if (batch.length === 1) batch[0]!.failed(err);
        // One bad row (its document gone, say) must not fail the other documents' appends that shared its batch.
        else for (const a of batch) await this.insert([a]).then(a.committed, a.failed);
      }
    }
    this.writing = false;
  }

  /**
   * One INSERT for the whole batch. Raw SQL because createMany hands every row (sealed bytes included) to Prisma's
   * query compiler, which costs about twice as much per row on this hot path; the columns are those of the
   * DocumentUpdate model, stored exactly as Prisma stores them (tests read the rows back through the model). The
   * interactive transaction matters: it takes the adapter's transaction lock, so an append can never end up inside
   * another command's open transaction on the shared connection (and be rolled back with it after being acknowledged).
   * A bare $executeRaw, or the array form of $transaction with one statement, does not take that lock.
   */
  private async insert(batch: PendingAppend[]): Promise<void> {
    const rows = batch.map(({ documentId, data, userId, createdAt }) => Prisma.sql`(${documentId}, ${data}, ${userId}, ${createdAt})`);
    await this.db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "DocumentUpdate" ("documentId", "data", "userId", "createdAt") VALUES ${Prisma.join(rows)}`;
    }, { maxWait: TRANSACTION_WAIT_MS, timeout: TRANSACTION_WAIT_MS });
  }

  /**
   * The whole persisted state as one update, and how many tail updates it took. Blobs are read as hex text: the SQLite
   * driver adapter hands a Bytes column to Prisma as an array with one JS number per byte, which costs about 60 ms per
   * MiB on the event loop (a page of 5,000 ink strokes is 4 MiB) while a hex string costs a few. (PostgreSQL would
   * spell it encode(x, 'hex').)
   */
  async load(documentId: string): Promise<{ state: Uint8Array | null; tail: number; lastSeq: number }> {
    const [row] = await this.db.$queryRaw<Array<{ state: string; lastSeq: number | bigint }>>`
      SELECT hex("state") AS "state", "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" = ${documentId}`;
    const snapshot = row ? { state: Buffer.from(row.state, 'hex'), lastSeq: Number(row.lastSeq) } : null;
    const tail = (await this.db.$queryRaw<Array<{ seq: number | bigint; data: string }>>`
      SELECT "seq", hex("data") AS "data" FROM "DocumentUpdate" WHERE "documentId" = ${documentId} AND "seq" > ${snapshot?.lastSeq ?? 0} ORDER BY "seq" ASC`)
      .map((u) => ({ seq: Number(u.seq), data: Buffer.from(u.data, 'hex') }));
    const parts: Uint8Array[] = [];
    if (snapshot) parts.push(openBytes(this.key, snapshot.state, this.aad(documentId)));
    for (let i = 0; i < tail.length; i += MERGE_SLICE) {
      if (i > 0) await nextTurn();
      const slice = tail.slice(i, i + MERGE_SLICE).map((u) => openBytes(this.key, u.data, this.aad(documentId)));
      parts.push(slice.length === 1 ? slice[0]! : Y.mergeUpdates(slice));
    }
    return {
      state: parts.length === 0 ? null : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts),
      tail: tail.length,
      lastSeq: tail.at(-1)?.seq ?? snapshot?.lastSeq ?? 0,
    };
  }

  async tailLength(documentId: string): Promise<number> {
    const snapshot = await this.db.documentSnapshot.findUnique({ where: { documentId }, select: { lastSeq: true } });
    return this.db.documentUpdate.count({ where: { documentId, seq: { gt: snapshot?.lastSeq ?? 0 } } });
  }

  /** Folds the tail into the snapshot in one transaction and drops the folded updates. */
  async compact(documentId: string): Promise<{ folded: number }> {
    const { state, tail, lastSeq } = await this.load(documentId);
    if (!state || tail === 0) return { folded: 0 };
    const sealed = sealBytes(this.key, state, this.aad(documentId));
    const now = this.clock.now();
    await this.db.$transaction([
      this.db.documentSnapshot.upsert({
        where: { documentId },
        create: { documentId, state: sealed, lastSeq, updatedAt: now },
        update: { state: sealed, lastSeq, updatedAt: now },
      }),
      this.db.documentUpdate.deleteMany({ where: { documentId, seq: { lte: lastSeq } } }),
    ]);
    return { folded: tail };
  }
}
