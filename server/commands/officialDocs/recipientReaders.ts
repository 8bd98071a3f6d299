// The people of the units a 公文 was distributed to who read it: the clerks of each unit whose row lets it read
// (pending, signed, finished) and the named receivers of a 函. Distribution commands give them the 正文 to read (a view
// share beside the route's own, written in the command's transaction) and send them its notices.
import { READING_STATUSES } from '../../../common/officialDocs/distribution.ts';
import type { Tx } from '../../db/client.ts';
import { loadOfficialDoc, officialDocFacts } from '../../queries/officialDocs/officialDocFacts.ts';
import { syncBodyAccess } from './bodyAccess.ts';

/** The active clerks (收发员/文书) of these units. */
export async function clerksOf(tx: Tx, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const users = await tx.user.findMany({
    where: { unitId: { in: [...unitIds] }, disabled: false, adminRole: null, roles: { some: { role: 'clerk' } } },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/**
 * Rewrites the 正文's shares: the route's (bodyAccess.ts, which replaces them all) and a view share for every recipient
 * reader now. The 正文 is frozen since 签发, so view is all anyone gets; the caller re-checks open editors after.
 */
export async function syncRecipientReaders(tx: Tx, officialDocumentId: string, by: string, at: Date): Promise<void> {
  const row = await loadOfficialDoc(tx, officialDocumentId);
  const facts = officialDocFacts(row);
  await syncBodyAccess(tx, { ...facts, documentId: row.documentId }, by, at);
  const reach = await tx.officialDocumentDistribution.findMany({
    where: { officialDocumentId: row.id, status: { in: [...READING_STATUSES] } },
    select: { unitId: true, receiverId: true },
  });
  const readers = new Set(await clerksOf(tx, [...new Set(reach.map((r) => r.unitId))]));
  for (const r of reach) if (r.receiverId) readers.add(r.receiverId);
  const existing = new Set(
    (
      await tx.documentShare.findMany({
        where: { documentId: row.documentId, granteeType: 'user' },
        select: { granteeId: true },
      })
    ).map((s) => s.granteeId),
  );
  const fresh = [...readers].filter((id) => !existing.has(id) && id !== row.drafterId);
  if (fresh.length)
    await tx.documentShare.createMany({
      data: fresh.map((granteeId) => ({
        documentId: row.documentId,
        granteeType: 'user',
        granteeId,
        access: 'view',
        createdById: by,
        createdAt: at,
      })),
    });
}
