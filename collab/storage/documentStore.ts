// Durable storage of Yjs documents: an append-only log of updates (each sealed with AES-256-GCM, keyed outside the
// database) plus a compacted snapshot. Loading = snapshot + tail. Compaction merges from storage only, never from
// the in-memory document, so an update that is logged but not yet applied in memory can never be dropped.
//
// The log has its own SQLite connection to the database file rather than going through Prisma: every keystroke of
// every editor is a row, and Prisma's interactive transaction around each group commit cost about a millisecond of
// the event loop and most of the collab server's extra CPU over a bare Hocuspocus (bench:collab profile). Statements
// here are prepared once and run synchronously, each write in its own BEGIN IMMEDIATE transaction that never spans an
// await, so this connection never holds the write lock while Prisma's connection waits for it. The reverse can
// happen (a Prisma transaction holds the lock across awaits), so this connection does not wait inside SQLite — that
// would block the event loop and with it the transaction it waits for — but gets SQLITE_BUSY at once and retries
// after a short pause. Only DocumentStore touches DocumentUpdate and DocumentSnapshot.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { CONNECTION_PRAGMAS } from '../../server/db/client.ts';
import { sqlTime } from '../../server/db/sqlTime.ts';
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

/** How long a write may keep retrying while another connection holds the write lock. */
const LOCK_WAIT_MS = 10_000;

interface PendingAppend {
  documentId: string;
  /** The update as received; sealed when it is written, after this turn's broadcasts. */
  update: Uint8Array;
  userId: string | null;
  createdAt: Date;
  committed: () => void;
  failed: (err: unknown) => void;
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
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
  private readonly db: Database.Database;
  private readonly writeRows: Database.Transaction<(rows: Array<[string, Buffer, string | null, string]>) => void>;
  private readonly fold: Database.Transaction<(documentId: string, state: Buffer, lastSeq: number, at: string) => void>;
  private readonly readState: Database.Transaction<
    (documentId: string) => {
      snapshot: { state: Buffer; lastSeq: number } | undefined;
      tail: Array<{ seq: number; data: Buffer }>;
    }
  >;
  private readonly countTail: Database.Statement<[string, string], { n: number }>;
  private readonly key: SealingKeys;

  /** Opens the log's connection to the database file (created and migrated by the app before this). */
  constructor(
    file: string,
    key: Buffer | SealingKeys,
    private readonly clock: Clock,
  ) {
    this.key = Buffer.isBuffer(key) ? singleKey(key) : key;
    this.db = new Database(file, { fileMustExist: true });
    for (const pragma of CONNECTION_PRAGMAS) this.db.pragma(pragma);
    this.db.pragma('busy_timeout = 0');
    const insert = this.db.prepare<[string, Buffer, string | null, string]>(
      'INSERT INTO "DocumentUpdate" ("documentId", "data", "userId", "createdAt") VALUES (?, ?, ?, ?)',
    );
    this.writeRows = this.db.transaction((rows: Array<[string, Buffer, string | null, string]>) => {
      for (const row of rows) insert.run(...row);
    });
    // A slower compaction finishing after a newer one must not put back its older snapshot (whose tail is gone).
    const upsertSnapshot = this.db.prepare<
      [string, Buffer, number, string]
    >(`INSERT INTO "DocumentSnapshot" ("documentId", "state", "lastSeq", "updatedAt") VALUES (?, ?, ?, ?)
      ON CONFLICT ("documentId") DO UPDATE SET "state" = excluded."state", "lastSeq" = excluded."lastSeq", "updatedAt" = excluded."updatedAt"
      WHERE excluded."lastSeq" > "DocumentSnapshot"."lastSeq"`);
    const dropFolded = this.db.prepare<[string, number]>(
      'DELETE FROM "DocumentUpdate" WHERE "documentId" = ? AND "seq" <= ?',
    );
    this.fold = this.db.transaction((documentId: string, state: Buffer, lastSeq: number, at: string) => {
      upsertSnapshot.run(documentId, state, lastSeq, at);
      dropFolded.run(documentId, lastSeq);
    });
    const snapshotOf = this.db.prepare<[string], { state: Buffer; lastSeq: number }>(
      'SELECT "state", "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" = ?',
    );
    const tailOf = this.db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT "seq", "data" FROM "DocumentUpdate" WHERE "documentId" = ? AND "seq" > ? ORDER BY "seq" ASC',
    );
    // One read transaction: the snapshot and its tail from the same state of the log.
    this.readState = this.db.transaction((documentId: string) => {
      const snapshot = snapshotOf.get(documentId);
      return { snapshot, tail: tailOf.all(documentId, snapshot?.lastSeq ?? 0) };
    });
    this.countTail = this.db.prepare(`SELECT COUNT(*) AS "n" FROM "DocumentUpdate"
      WHERE "documentId" = ? AND "seq" > COALESCE((SELECT "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" = ?), 0)`);
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
   * Appends one update; resolves once it is committed (WAL), which is when the client may be acknowledged.
   * Group commit: appends are collected until just after the current event-loop turn (setImmediate: no timer, no
   * added wait when alone) and while a write waits for the lock, then committed together. Every caller still
   * resolves only after its own row is committed.
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
        await this.underWriteLock(() => this.writeRows.immediate(rows));
        for (const a of batch) a.committed();
      } catch (err) {
        if (batch.length === 1) batch[0]!.failed(err);
        // One bad row (its document gone, say) must not fail the other documents' appends that shared its batch.
        else
          for (const [i, a] of batch.entries())
            await this.underWriteLock(() => this.writeRows.immediate([rows[i]!])).then(a.committed, a.failed);
      }
      if (this.queue.length > 0) await nextTurn();
    }
    this.writing = false;
  }

  /** The stored row of an append: its update sealed with the document as associated data. */
  private row(a: PendingAppend): [string, Buffer, string | null, string] {
    return [a.documentId, this.seal(a.documentId, a.update), a.userId, sqlTime(a.createdAt)];
  }

  /** Runs a synchronous write transaction, retrying while another connection holds the write lock. */
  private async underWriteLock(write: () => void): Promise<void> {
    const deadline = performance.now() + LOCK_WAIT_MS;
    for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
      try {
        return write();
      } catch (err) {
        if (!isBusy(err) || performance.now() + pause > deadline) throw err;
      }
      await sleep(pause);
    }
  }

  /** The whole persisted state as one update, how many tail updates it took, and the last sequence number in it. */
  async load(documentId: string): Promise<{ state: Uint8Array | null; tail: number; lastSeq: number }> {
    const { snapshot, tail } = this.readState.deferred(documentId);
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
    return this.countTail.get(documentId, documentId)?.n ?? 0;
  }

  /** Folds the tail into the snapshot in one transaction and drops the folded updates. */
  async compact(documentId: string): Promise<{ folded: number }> {
    if (this.closed) return { folded: 0 };
    const run = (async () => {
      const { state, tail, lastSeq } = await this.load(documentId);
      if (!state || tail === 0) return { folded: 0 };
      const sealed = this.seal(documentId, state);
      const at = sqlTime(this.clock.now());
      await this.underWriteLock(() => this.fold.immediate(documentId, sealed, lastSeq, at));
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
    const rows = this.db
      .prepare<[number, number], { seq: number; documentId: string; data: Buffer }>(
        'SELECT "seq", "documentId", "data" FROM "DocumentUpdate" WHERE "seq" > ? ORDER BY "seq" ASC LIMIT ?',
      )
      .all(afterSeq, limit);
    const stale = rows.filter((r) => !isSealedWithCurrent(this.key, r.data));
    const changed = stale.map((r): [Buffer, number] => [
      this.seal(r.documentId, openBytes(this.key, r.data, this.aad(r.documentId))),
      r.seq,
    ]);
    if (changed.length > 0) {
      const update = this.db.prepare<[Buffer, number]>('UPDATE "DocumentUpdate" SET "data" = ? WHERE "seq" = ?');
      await this.underWriteLock(() => this.db.transaction(() => changed.forEach((c) => update.run(...c))).immediate());
    }
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
    const rows = this.db
      .prepare<[string, number], { documentId: string; state: Buffer; lastSeq: number }>(
        'SELECT "documentId", "state", "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" > ? ORDER BY "documentId" ASC LIMIT ?',
      )
      .all(afterDocumentId, limit);
    const changed = rows
      .filter((r) => !isSealedWithCurrent(this.key, r.state))
      .map((r): [Buffer, string, number] => [
        this.seal(r.documentId, openBytes(this.key, r.state, this.aad(r.documentId))),
        r.documentId,
        r.lastSeq,
      ]);
    if (changed.length > 0) {
      const update = this.db.prepare<[Buffer, string, number]>(
        'UPDATE "DocumentSnapshot" SET "state" = ? WHERE "documentId" = ? AND "lastSeq" = ?',
      );
      await this.underWriteLock(() => this.db.transaction(() => changed.forEach((c) => update.run(...c))).immediate());
    }
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
    this.db.close();
  }
}
