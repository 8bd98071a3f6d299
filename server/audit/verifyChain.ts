// Re-computes the audit chain from the first event and names the first event that does not fit; then compares the
// chain's end with the head checkpoint kept outside the database (headCheckpoint.ts), which shows truncation.
import type { Db } from '../db/client.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';
import type { CheckpointRead } from './headCheckpoint.ts';

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

export type HeadBreak = 'truncated' | 'head_mismatch' | 'head_missing' | 'head_invalid';

/** The chain, then its head against the checkpoint kept outside the database. */
export type TrailVerdict =
  | { ok: true; events: number; lastHash: string; head: { seq: number; at: string; after: number } | null }
  | {
      ok: false;
      events: number;
      brokenAt: { seq: number; id: string | null; reason: ChainBreak | HeadBreak };
      /** The checkpoint the chain was compared with, when one was read. */
      head?: { seq: number; at: string };
      problem?: string;
    };

type ChainBreak = Extract<ChainVerdict, { ok: false }>['brokenAt']['reason'];

/**
 * Verifies the chain and compares its end with the head checkpoint: a chain that verifies but ends before the
 * checkpointed event lost its newest events. A checkpoint behind the chain is expected (events committed since it
 * was written); `after` says how many.
 */
export async function verifyAuditTrail(db: Db, key: Buffer, read: CheckpointRead): Promise<TrailVerdict> {
  const chain = await verifyAuditChain(db, key);
  if (!chain.ok) return chain;
  if (read.state === 'missing') {
    if (chain.events === 0) return { ...chain, head: null };
    return {
      ok: false,
      events: chain.events,
      brokenAt: { seq: chain.events, id: null, reason: 'head_missing' },
      problem: 'there is no audit head checkpoint, so removal of the newest events cannot be ruled out',
    };
  }
  if (read.state === 'invalid')
    return {
      ok: false,
      events: chain.events,
      brokenAt: { seq: chain.events, id: null, reason: 'head_invalid' },
      problem: `the audit head checkpoint is not valid: ${read.problem}`,
    };
  const { checkpoint } = read;
  const head = { seq: checkpoint.seq, at: checkpoint.at };
  if (chain.events < checkpoint.seq)
    return {
      ok: false,
      events: chain.events,
      brokenAt: { seq: chain.events + 1, id: null, reason: 'truncated' },
      head,
    };
  const row = await db.auditEvent.findUniqueOrThrow({
    where: { seq: checkpoint.seq },
    select: { id: true, hash: true },
  });
  if (row.hash !== checkpoint.hash)
    return {
      ok: false,
      events: chain.events,
      brokenAt: { seq: checkpoint.seq, id: row.id, reason: 'head_mismatch' },
      head,
    };
  return { ...chain, head: { ...head, after: chain.events - checkpoint.seq } };
}

/** One line for the operator: what verified, or what broke and where. */
export function describeTrailVerdict(verdict: TrailVerdict): string {
  if (verdict.ok) {
    const anchored = verdict.head
      ? `; head anchored at #${verdict.head.seq} (${verdict.head.at})${verdict.head.after ? `, ${verdict.head.after} event(s) since` : ''}`
      : '';
    return `Audit chain OK: ${verdict.events} events, last hash ${verdict.lastHash}${anchored}`;
  }
  const { seq, id, reason } = verdict.brokenAt;
  switch (reason) {
    case 'truncated':
      return (
        `Audit chain TRUNCATED: the head checkpoint (written ${verdict.head!.at}) anchors event #${verdict.head!.seq}, ` +
        `but the log ends at #${verdict.events}: events #${seq} to #${verdict.head!.seq} were removed ` +
        `(or, after a power loss, never reached the disk).`
      );
    case 'head_mismatch':
      return `Audit chain REWRITTEN: event #${seq} (id ${id}) is not the event the head checkpoint anchors (written ${verdict.head!.at}); the events from there on were replaced.`;
    case 'head_missing':
    case 'head_invalid':
      return `Audit chain UNANCHORED: ${verdict.events} events verify, but ${verdict.problem}.`;
    default:
      return `Audit chain BROKEN at event #${seq}${id ? ` (id ${id})` : ''}: ${reason.replace('_', ' ')}; ${verdict.events} events before it verify.`;
  }
}
