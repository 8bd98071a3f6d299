// People's display names by id, for lists that name authors, deciders or grantees.
import type { Db, Tx } from '../../db/client.ts';

export async function displayNames(db: Db | Tx, ids: Iterable<string>): Promise<Map<string, string>> {
  const rows = await db.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, displayName: true },
  });
  return new Map(rows.map((u) => [u.id, u.displayName]));
}
