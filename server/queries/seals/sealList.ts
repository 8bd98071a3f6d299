// A unit's seals with their holders and how often and when each was last used: what the office manages.
import type { Db } from '../../db/client.ts';

export interface SealView {
  id: string;
  unitId: string;
  name: string;
  /** The first 16 hex digits of the SM3 of the public key: what an operator compares by eye. */
  fingerprint: string;
  createdAt: string;
  retiredAt: string | null;
  holders: Array<{ id: string; displayName: string }>;
  uses: number;
  lastUsedAt: string | null;
}

export async function listSeals(
  db: Db,
  unitId: string,
  fingerprint: (publicKey: string) => string,
): Promise<SealView[]> {
  const seals = await db.seal.findMany({
    where: { unitId },
    orderBy: [{ retiredAt: 'asc' }, { createdAt: 'asc' }],
    include: {
      holders: { include: { user: { select: { id: true, displayName: true } } }, orderBy: { grantedAt: 'asc' } },
      _count: { select: { uses: true } },
      uses: { orderBy: { at: 'desc' }, take: 1, select: { at: true } },
    },
  });
  return seals.map((s) => ({
    id: s.id,
    unitId: s.unitId,
    name: s.name,
    fingerprint: fingerprint(s.publicKey),
    createdAt: s.createdAt.toISOString(),
    retiredAt: s.retiredAt?.toISOString() ?? null,
    holders: s.holders.map((h) => ({ id: h.user.id, displayName: h.user.displayName })),
    uses: s._count.uses,
    lastUsedAt: s.uses[0]?.at.toISOString() ?? null,
  }));
}
