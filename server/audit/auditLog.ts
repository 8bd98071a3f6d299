// Writes audit events inside the caller's transaction, extending the hash chain.
import { randomUUID } from 'node:crypto';
import { dialectOf, type Tx } from '../db/client.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';

export interface Actor {
  id: string;
  name: string;
}

/** Who is acting and from where; built once per request (or per CLI run). */
export interface RequestContext {
  actor: Actor | null;
  ip: string;
  userAgent: string;
  at: Date;
  auditKey: Buffer;
}

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  outcome?: 'success' | 'failure';
  /** Identifiers and reasons only, never secrets or document content. */
  detail?: Record<string, unknown>;
  /** For failed sign-ins the actor is the name that was typed. */
  actorName?: string;
}

/**
 * pg_advisory_xact_lock(class, key) for "appending to the audit chain": a fixed class (0x54424155, "TBAU") and the
 * schema the chain lives in. On PostgreSQL several instances append to one chain: each append holds this lock from
 * reading the chain's end to its commit, so no two appends link to the same predecessor. (SQLite runs one transaction
 * at a time anyway.)
 */
const AUDIT_CHAIN_LOCK_SQL = 'SELECT pg_advisory_xact_lock(1413628245, hashtext(current_schema()))';

export async function recordAudit(tx: Tx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  if (dialectOf(tx) === 'postgres') await tx.$executeRawUnsafe(AUDIT_CHAIN_LOCK_SQL);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    id: randomUUID(),
    at: ctx.at,
    actorId: ctx.actor?.id ?? null,
    actorName: entry.actorName ?? ctx.actor?.name ?? 'system',
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    outcome: entry.outcome ?? 'success',
    ip: ctx.ip.slice(0, 64),
    userAgent: ctx.userAgent.slice(0, 256),
    detail: JSON.stringify(entry.detail ?? {}),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({ data: { ...fields, prevHash, hash: eventHash(ctx.auditKey, prevHash, fields) } });
}
