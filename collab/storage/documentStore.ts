// Durable storage of Yjs documents: an append-only log of updates (each sealed with AES-256-GCM, keyed outside the
// database) plus a compacted snapshot. Loading = snapshot + tail. Compaction merges from storage only, never from
// the in-memory document, so an update that is logged but not yet applied in memory can never be dropped.
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
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
  private queue: PendingAppend[] = [];
  private writeScheduled = false;
  private writing = false;

  constructor(private readonly db: Db, private readonly key: Buffer, private readonly clock: Clock) {}

  private aad(documentId: string): string {
    return `doc:${documentId}`;
  }

  /**
   * Appends one update; resolves once it is committed (WAL), which is when the client may be acknowledged.
   * Group commit: each Prisma write costs far more than the row it writes (query compilation, a transaction), so
   * appends are collected until the end of the current event-loop turn (setImmediate: no timer, no added wait when
   * alone) and while a write is in flight, then committed together. Every caller still resolves only after its own
   * row is committed.
   */
  append(documentId: string, update: Uint8Array, userId: string | null): Promise<void> {
    return new Promise<void>((committed, failed) => {
      this.queue.push({ documentId, data: sealBytes(this.key, update, this.aad(documentId)), userId, createdAt: this.clock.now(), committed, failed });
      if (this.writing || this.writeScheduled) return;
      this.writeScheduled = true;
      setImmediate(() => {
        this.writeScheduled = false;
        void this.writeQueued();
      });
    });
  }

  /** Writes batches until nothing is queued; never rejects (each batch settles its own callers). */
  private async writeQueued(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
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

  private async insert(batch: PendingAppend[]): Promise<void> {
    await this.db.documentUpdate.createMany({ data: batch.map(({ documentId, data, userId, createdAt }) => ({ documentId, data, userId, createdAt })) });
  }

  /** The whole persisted state as one update, and how many tail updates it took. */
  async load(documentId: string): Promise<{ state: Uint8Array | null; tail: number; lastSeq: number }> {
    const snapshot = await this.db.documentSnapshot.findUnique({ where: { documentId } });
    const tail = await this.db.documentUpdate.findMany({
      where: { documentId, seq: { gt: snapshot?.lastSeq ?? 0 } },
      orderBy: { seq: 'asc' },
      select: { seq: true, data: true },
    });
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
