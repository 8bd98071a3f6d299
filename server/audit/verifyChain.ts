// Re-computes the audit chain from the first event and names the first event that does not fit.
import type { Db } from '../db/client.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';

export type ChainVerdict =
  | { ok: true; events: number; lastHash: string }
  | {
      ok: false;
      events: number;
      brokenAt: { seq: number; id: string | null; reason: 'hash_mismatch' | 'link_mismatch' | 'gap' };
    };

const BATCH = 2_000;

export async function verifyAuditChain(db: Db, key: Buffer): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: 'asc' },
      take: BATCH,
    });
    if (rows.length === 0) return { ok: true, events: expectedSeq - 1, lastHash: prevHash };
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return { ok: false, events: expectedSeq - 1, brokenAt: { seq: expectedSeq, id: null, reason: 'gap' } };
      if (row.prevHash !== prevHash)
        return { ok: false, events: expectedSeq - 1, brokenAt: { seq: row.seq, id: row.id, reason: 'link_mismatch' } };
      if (eventHash(key, prevHash, row) !== row.hash)
        return { ok: false, events: expectedSeq - 1, brokenAt: { seq: row.seq, id: row.id, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      expectedSeq++;
    }
  }
}
