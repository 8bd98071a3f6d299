// 查阅留痕: who read a 公文 and when — its record opened (GET /:id) or its 正文 opened in the editor (the collab token).
// A person reading the same thing again within a few minutes (a refresh, a return to the tab) is one read, not many.
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Services } from '../../services.ts';
import { recordTrail } from './trail.ts';

/** Reads of the same thing by the same person closer together than this are one read. */
export const READ_COALESCE_MS = 10 * 60_000;

export type ReadWhat = 'record' | 'body';

/** Records the read in the caller's transaction; false when it is part of a read already recorded. */
export async function recordReadIn(
  tx: Tx,
  officialDocumentId: string,
  userId: string,
  what: ReadWhat,
  at: Date,
): Promise<boolean> {
  const recent = await tx.officialDocumentEvent.findMany({
    where: { officialDocumentId, kind: 'read', userId, at: { gt: new Date(at.getTime() - READ_COALESCE_MS) } },
    select: { detail: true },
  });
  if (recent.some((e) => (JSON.parse(e.detail) as { what?: string }).what === what)) return false;
  await recordTrail(tx, { officialDocumentId, kind: 'read', userId, detail: { what }, at });
  return true;
}

/**
 * The reader opened the 公文's record (the page with its 办文单). The trail is its record; opening the 正文 is audited
 * besides (document.open), as every document's.
 */
export async function recordOfficialDocRead(
  svc: Services,
  ctx: RequestContext,
  officialDocumentId: string,
  userId: string,
): Promise<void> {
  await inTransaction(svc, (tx) => recordReadIn(tx, officialDocumentId, userId, 'record', ctx.at));
}
