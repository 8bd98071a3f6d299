// Durable storage of Yjs documents: an append-only log of updates (each sealed with AES-256-GCM, keyed outside the
// database) plus a compacted snapshot. Loading = snapshot + tail. Compaction merges from storage only, never from
// the in-memory document, so an update that is logged but not yet applied in memory can never be dropped.
import * as Y from 'yjs';
import type { Db } from '../../server/db/client.ts';
import { openBytes, sealBytes } from '../../server/security/cipher.ts';
import type { Clock } from '../../server/clock.ts';

/** Tail length after which the log is folded into the snapshot. */
export const COMPACT_AFTER_UPDATES = 200;

export class DocumentStore {
  constructor(private readonly db: Db, private readonly key: Buffer, private readonly clock: Clock) {}

  private aad(documentId: string): string {
    return `doc:${documentId}`;
  }

  /** Appends one update; resolves once it is committed (WAL), which is when the client may be acknowledged. */
  async append(documentId: string, update: Uint8Array, userId: string | null): Promise<number> {
    const row = await this.db.documentUpdate.create({
      data: { documentId, data: sealBytes(this.key, update, this.aad(documentId)), userId, createdAt: this.clock.now() },
      select: { seq: true },
    });
    return row.seq;
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
    for (const u of tail) parts.push(openBytes(this.key, u.data, this.aad(documentId)));
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
