// Durable storage of Yjs documents: an append-only log of updates (each sealed with AES-256-GCM, keyed outside the
// database) plus a compacted snapshot. Loading = snapshot + tail. Compaction merges from storage only, never from
// the in-memory document, so an update that is logged but not yet applied in memory can never be dropped.
//
// The store is one class over a storage port (UpdateLogBackend) with two implementations: the embedded SQLite file
// (sqliteUpdateLog.ts, the default) and PostgreSQL (postgresUpdateLog.ts), chosen by TONGBAN_DATABASE_URL
// (openDocumentStore below). What the guarantee rests on is here, the same for both: an append resolves only once the
// backend has committed its row durably (then the client may be acknowledged), appends are group-committed (collected
// until just after the current event-loop turn, written in batches, each caller resolved after its own row), one
// row that cannot be written fails alone, and compaction never drops an update it did not fold. The backends only
// run statements. Only DocumentStore touches DocumentUpdate and DocumentSnapshot.
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import {
  isSealedWithCurrent,
  openBytes,
  sealBytes,
  singleKey,
  type SealingKeys,
} from '../../server/security/cipher.ts';
import type { Clock } from '../../server/clock.ts';

/** Tail length after which the log is folded into the snapshot. */
export const COMPACT_AFTER_UPDATES = 200;

/**
 * Tail updates decrypted and merged per slice when loading. Opening and merging a few hundred updates at once holds
 * the event loop for tens of milliseconds, which every live connection would feel as a latency spike during
 * background compaction; between slices the loop serves them.
 */
const MERGE_SLICE = 64;

/**
 * Rows per write. Sealing and inserting a row is tens of microseconds on the event loop; under a burst (200 people
 * typing) the queue is written in slices of this many with a turn between them, so deliveries are not held up behind
 * one long write.
 */
const MAX_BATCH_ROWS = 64;

/** One logged update as the backend stores it: sealed, with the document as associated data. */
export interface LogRow {
  documentId: string;
  data: Buffer;
  userId: string | null;
  createdAt: Date;
}

/** The snapshot and the updates after it, read from one state of the log. */
export interface StoredState {
  snapshot: { state: Buffer; lastSeq: number } | undefined;
  tail: Array<{ seq: number; data: Buffer }>;
}

/**
 * The storage port: what a database must do for the update log. Sequence numbers grow, and within one document a row
 * with a higher number is never committed before one with a lower number (a compaction that read up to `lastSeq`
 * must not find a lower one appearing after it; the PostgreSQL log takes a per-document lock for this).
 */
export interface UpdateLogBackend {
  readonly kind: 'sqlite' | 'postgresql';
  /** Resolves once the backend can serve (connected, its tables there); rejects with the reason it cannot. */
  ready(): Promise<void>;
  /**
   * Commits the rows in one transaction of the log's own, never inside another command's, and resolves only once
   * they are durable. Rejects, writing none of them, when one cannot be written.
   */
  insert(rows: LogRow[]): Promise<void>;
  read(documentId: string): Promise<StoredState>;
  countTail(documentId: string): Promise<number>;
  /** In one transaction: stores the snapshot unless a newer one (higher lastSeq) is there, and drops the updates up to lastSeq. */
  fold(documentId: string, state: Buffer, lastSeq: number, at: Date): Promise<void>;
  updatesAfter(afterSeq: number, limit: number): Promise<Array<{ seq: number; documentId: string; data: Buffer }>>;
  rewriteUpdates(rows: Array<{ seq: number; data: Buffer }>): Promise<void>;
  snapshotsAfter(
    afterDocumentId: string,
    limit: number,
  ): Promise<Array<{ documentId: string; state: Buffer; lastSeq: number }>>;
  /** Rewrites each snapshot only where it still has that lastSeq (a compaction may have replaced it meanwhile). */
  rewriteSnapshots(rows: Array<{ documentId: string; state: Buffer; lastSeq: number }>): Promise<void>;
  close(): Promise<void>;
}

interface PendingAppend {
  documentId: string;
  /** The update as received; sealed when it is written, after this turn's broadcasts. */
  update: Uint8Array;
  userId: string | null;
  createdAt: Date;
  committed: () => void;
  failed: (err: unknown) => void;
}

export class DocumentStore {
  /** Appends not yet written; the next write commits all of them in one transaction. */
  private readonly queue: PendingAppend[] = [];
  private writeScheduled = false;
  /** Set and cleared synchronously by the writer, so an append never finds it finishing and waits for nothing. */
  private writing = false;
  private written: Promise<void> = Promise.resolve();
  private readonly compactions = new Set<Promise<unknown>>();
  private closed = false;
  private readonly key: SealingKeys;

  constructor(
    readonly backend: UpdateLogBackend,
    key: Buffer | SealingKeys,
    private readonly clock: Clock,
  ) {
    this.key = Buffer.isBuffer(key) ? singleKey(key) : key;
  }

  /** Which database the log is in. */
  get kind(): UpdateLogBackend['kind'] {
    return this.backend.kind;
  }

  /** Resolves once the log can be written (PostgreSQL: connected and its tables created). */
  ready(): Promise<void> {
    return this.backend.ready();
  }

  private aad(documentId: string): string {
    return `doc:${documentId}`;
  }

  /** Bytes of one document sealed for storage, as the Buffer the driver binds. */
  private seal(documentId: string, bytes: Uint8Array): Buffer {
    const sealed = sealBytes(this.key, bytes, this.aad(documentId));
    return Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  }

  /**
   * Appends one update; resolves once it is committed (durably), which is when the client may be acknowledged.
   * Group commit: appends are collected until just after the current event-loop turn (setImmediate: no timer, no
   * added wait when alone) and while a write is in progress, then committed together. Every caller still resolves
   * only after its own row is committed.
   */
  append(documentId: string, update: Uint8Array, userId: string | null): Promise<void> {
    return new Promise<void>((committed, failed) => {
      if (this.closed) return failed(new Error('the document store is closed'));
      this.queue.push({ documentId, update, userId, createdAt: this.clock.now(), committed, failed });
      if (this.writing || this.writeScheduled) return;
      this.writeScheduled = true;
      // Two hops: Hocuspocus sends out this turn's broadcasts on setImmediate too, and the write would otherwise run
      // first and hold every delivery for its duration.
      setImmediate(() =>
        setImmediate(() => {
          this.writeScheduled = false;
          this.written = this.writeQueued();
        }),
      );
    });
  }

  /** Writes batches until nothing is queued; never rejects (each batch settles its own callers). */
  private async writeQueued(): Promise<void> {
    // The flag is cleared right after the loop's last look at the queue, with no await in between.
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH_ROWS);
      const rows = batch.map((a) => this.row(a));
      try {
        await this.backend.insert(rows);
        for (const a of batch) a.committed();
      } catch (err) {
        if (batch.length === 1) batch[0]!.failed(err);
        // One bad row (its document gone, say) must not fail the other documents' appends that shared its batch.
        else for (const [i, a] of batch.entries()) await this.backend.insert([rows[i]!]).then(a.committed, a.failed);
      }
      if (this.queue.length > 0) await nextTurn();
    }
    this.writing = false;
  }

  /** The stored row of an append: its update sealed with the document as associated data. */
  private row(a: PendingAppend): LogRow {
    return {
      documentId: a.documentId,
      data: this.seal(a.documentId, a.update),
      userId: a.userId,
      createdAt: a.createdAt,
    };
  }

  /** The whole persisted state as one update, how many tail updates it took, and the last sequence number in it. */
  async load(documentId: string): Promise<{ state: Uint8Array | null; tail: number; lastSeq: number }> {
    const { snapshot, tail } = await this.backend.read(documentId);
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
    return this.backend.countTail(documentId);
  }

  /** Folds the tail into the snapshot in one transaction and drops the folded updates. */
  async compact(documentId: string): Promise<{ folded: number }> {
    if (this.closed) return { folded: 0 };
    const run = (async () => {
      const { state, tail, lastSeq } = await this.load(documentId);
      if (!state || tail === 0) return { folded: 0 };
      await this.backend.fold(documentId, this.seal(documentId, state), lastSeq, this.clock.now());
      return { folded: tail };
    })();
    this.compactions.add(run);
    try {
      return await run;
    } finally {
      this.compactions.delete(run);
    }
  }

  /**
   * Re-seals, with the current cipher and key, the logged updates after `afterSeq` (up to `limit` rows looked at) that
   * are sealed otherwise. A row compaction folds away meanwhile is simply gone; its content is in the new snapshot.
   */
  async resealUpdates(
    afterSeq: number,
    limit: number,
  ): Promise<{ scanned: number; resealed: number; last: number | null }> {
    const rows = await this.backend.updatesAfter(afterSeq, limit);
    const changed = rows
      .filter((r) => !isSealedWithCurrent(this.key, r.data))
      .map((r) => ({ seq: r.seq, data: this.seal(r.documentId, openBytes(this.key, r.data, this.aad(r.documentId))) }));
    if (changed.length > 0) await this.backend.rewriteUpdates(changed);
    return { scanned: rows.length, resealed: changed.length, last: rows.at(-1)?.seq ?? null };
  }

  /**
   * Re-seals the compacted snapshots after `afterDocumentId` (up to `limit` looked at) that are not sealed with the
   * current cipher and key. A snapshot a compaction replaced meanwhile (another lastSeq) is left to it: the
   * compaction sealed its new one with the current key.
   */
  async resealSnapshots(
    afterDocumentId: string,
    limit: number,
  ): Promise<{ scanned: number; resealed: number; last: string | null }> {
    const rows = await this.backend.snapshotsAfter(afterDocumentId, limit);
    const changed = rows
      .filter((r) => !isSealedWithCurrent(this.key, r.state))
      .map((r) => ({
        documentId: r.documentId,
        lastSeq: r.lastSeq,
        state: this.seal(r.documentId, openBytes(this.key, r.state, this.aad(r.documentId))),
      }));
    if (changed.length > 0) await this.backend.rewriteSnapshots(changed);
    return { scanned: rows.length, resealed: changed.length, last: rows.at(-1)?.documentId ?? null };
  }

  /** Refuses new appends, lets queued appends and running compactions finish, then closes the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.writing || this.writeScheduled || this.queue.length > 0 || this.compactions.size > 0) {
      await Promise.allSettled([this.written, ...this.compactions]);
      if (this.writeScheduled) await nextTurn();
    }
    await this.backend.close();
  }
}
