// The update log in the embedded SQLite database file (the default store; see documentStore.ts for the guarantee).
//
// The log has its own SQLite connection to the database file rather than going through Prisma: every keystroke of
// every editor is a row, and Prisma's interactive transaction around each group commit cost about a millisecond of
// the event loop and most of the collab server's extra CPU over a bare Hocuspocus (bench:collab profile). Statements
// here are prepared once and run synchronously, each write in its own BEGIN IMMEDIATE transaction that never spans an
// await, so this connection never holds the write lock while Prisma's connection waits for it. The reverse can
// happen (a Prisma transaction holds the lock across awaits), so this connection does not wait inside SQLite — that
// would block the event loop and with it the transaction it waits for — but gets SQLITE_BUSY at once and retries
// after a short pause. A commit in WAL mode with the connection pragmas of server/db/client.ts is durable when it
// returns.
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { CONNECTION_PRAGMAS } from '../../server/db/client.ts';
import { sqlTime } from '../../server/db/sqlTime.ts';
import type { LogRow, StoredState, UpdateLogBackend } from './documentStore.ts';

/** How long a write may keep retrying while another connection holds the write lock. */
const LOCK_WAIT_MS = 10_000;

type Row = [string, Buffer, string | null, string];

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export class SqliteUpdateLog implements UpdateLogBackend {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly writeRows: Database.Transaction<(rows: Row[]) => void>;
  private readonly foldTx: Database.Transaction<
    (documentId: string, state: Buffer, lastSeq: number, at: string) => void
  >;
  private readonly readState: Database.Transaction<(documentId: string) => StoredState>;
  private readonly countTailOf: Database.Statement<[string, string], { n: number }>;

  /** Opens the log's connection to the database file (created and migrated by the app before this). */
  constructor(file: string) {
    this.db = new Database(file, { fileMustExist: true });
    for (const pragma of CONNECTION_PRAGMAS) this.db.pragma(pragma);
    this.db.pragma('busy_timeout = 0');
    const insert = this.db.prepare<Row>(
      'INSERT INTO "DocumentUpdate" ("documentId", "data", "userId", "createdAt") VALUES (?, ?, ?, ?)',
    );
    this.writeRows = this.db.transaction((rows: Row[]) => {
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
    this.foldTx = this.db.transaction((documentId: string, state: Buffer, lastSeq: number, at: string) => {
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
    this.countTailOf = this.db.prepare(`SELECT COUNT(*) AS "n" FROM "DocumentUpdate"
      WHERE "documentId" = ? AND "seq" > COALESCE((SELECT "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" = ?), 0)`);
  }

  async ready(): Promise<void> {}

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

  insert(rows: LogRow[]): Promise<void> {
    const values = rows.map((r): Row => [r.documentId, r.data, r.userId, sqlTime(r.createdAt)]);
    return this.underWriteLock(() => this.writeRows.immediate(values));
  }

  async read(documentId: string): Promise<StoredState> {
    return this.readState.deferred(documentId);
  }

  async countTail(documentId: string): Promise<number> {
    return this.countTailOf.get(documentId, documentId)?.n ?? 0;
  }

  fold(documentId: string, state: Buffer, lastSeq: number, at: Date): Promise<void> {
    return this.underWriteLock(() => this.foldTx.immediate(documentId, state, lastSeq, sqlTime(at)));
  }

  async updatesAfter(
    afterSeq: number,
    limit: number,
  ): Promise<Array<{ seq: number; documentId: string; data: Buffer }>> {
    return this.db
      .prepare<[number, number], { seq: number; documentId: string; data: Buffer }>(
        'SELECT "seq", "documentId", "data" FROM "DocumentUpdate" WHERE "seq" > ? ORDER BY "seq" ASC LIMIT ?',
      )
      .all(afterSeq, limit);
  }

  rewriteUpdates(rows: Array<{ seq: number; data: Buffer }>): Promise<void> {
    const update = this.db.prepare<[Buffer, number]>('UPDATE "DocumentUpdate" SET "data" = ? WHERE "seq" = ?');
    return this.underWriteLock(() =>
      this.db.transaction(() => rows.forEach((r) => update.run(r.data, r.seq))).immediate(),
    );
  }

  async snapshotsAfter(
    afterDocumentId: string,
    limit: number,
  ): Promise<Array<{ documentId: string; state: Buffer; lastSeq: number }>> {
    return this.db
      .prepare<[string, number], { documentId: string; state: Buffer; lastSeq: number }>(
        'SELECT "documentId", "state", "lastSeq" FROM "DocumentSnapshot" WHERE "documentId" > ? ORDER BY "documentId" ASC LIMIT ?',
      )
      .all(afterDocumentId, limit);
  }

  rewriteSnapshots(rows: Array<{ documentId: string; state: Buffer; lastSeq: number }>): Promise<void> {
    const update = this.db.prepare<[Buffer, string, number]>(
      'UPDATE "DocumentSnapshot" SET "state" = ? WHERE "documentId" = ? AND "lastSeq" = ?',
    );
    return this.underWriteLock(() =>
      this.db.transaction(() => rows.forEach((r) => update.run(r.state, r.documentId, r.lastSeq))).immediate(),
    );
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
