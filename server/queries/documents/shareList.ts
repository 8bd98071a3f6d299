// A document's explicit shares with the names of the people and units they are given to.
import type { Db } from '../../db/client.ts';

type ShareAccess = 'view' | 'comment' | 'suggest' | 'edit';

export interface ShareView {
  granteeType: 'user' | 'unit';
  granteeId: string;
  access: ShareAccess;
  granteeName: string | null;
}

export async function namedShares(
  db: Db,
  shares: ReadonlyArray<{ granteeType: string; granteeId: string; access: string }>,
): Promise<ShareView[]> {
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: shares.map((s) => s.granteeId) } },
        select: { id: true, displayName: true },
      })
    ).map((u) => [u.id, u.displayName]),
  );
  const units = new Map(
    (
      await db.unit.findMany({
        where: { id: { in: shares.map((s) => s.granteeId) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  return shares.map((s) => ({
    granteeType: s.granteeType as 'user' | 'unit',
    granteeId: s.granteeId,
    access: s.access as ShareAccess,
    granteeName: (s.granteeType === 'user' ? users.get(s.granteeId) : units.get(s.granteeId)) ?? null,
  }));
}
