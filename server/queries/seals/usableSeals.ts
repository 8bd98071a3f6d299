// The seals a person may use now for a unit's documents: those they hold that are not retired. What the 用印 picker
// offers a holder, who (unlike the office) does not see the unit's whole register.
import type { Db } from '../../db/client.ts';

export async function usableSeals(
  db: Db,
  userId: string,
  unitId: string,
): Promise<Array<{ id: string; name: string }>> {
  return db.seal.findMany({
    where: { unitId, retiredAt: null, holders: { some: { userId } } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true },
  });
}
