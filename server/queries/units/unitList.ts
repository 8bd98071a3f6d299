// All units as a flat list with their parent and member count; the client builds the tree.
import type { Db } from '../../db/client.ts';

export interface UnitListItem {
  id: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  parentId: string | null;
  sortOrder: number;
  archiveCode: string | null;
  memberCount: number;
}

export async function listUnits(db: Db): Promise<UnitListItem[]> {
  const rows = await db.unit.findMany({
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    include: { _count: { select: { users: true } } },
  });
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    shortName: u.shortName,
    aliases: JSON.parse(u.aliases) as string[],
    parentId: u.parentId,
    sortOrder: u.sortOrder,
    archiveCode: u.archiveCode,
    memberCount: u._count.users,
  }));
}
