// The user directory: search by name, username or title within a unit, a page at a time; one user with roles and
// unit; and the facts the account policies need about a user.
import type { Db } from '../../db/client.ts';

const include = { roles: true, unit: { select: { name: true } } } as const;

export async function searchUsers(
  db: Db,
  query: { q?: string | undefined; unitId?: string | undefined; page: number; pageSize: number },
) {
  const { q, unitId, page, pageSize } = query;
  const where = {
    ...(unitId ? { unitId } : {}),
    ...(q ? { OR: [{ displayName: { contains: q } }, { username: { contains: q } }, { title: { contains: q } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      include,
      orderBy: [{ unitId: 'asc' }, { displayName: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.user.count({ where }),
  ]);
  return { rows, total };
}

/** One user with roles and unit name, or null. */
export async function userById(db: Db, id: string) {
  return db.user.findUnique({ where: { id }, include });
}

/** What the account policies ask about a user (a 'user' resource), or null when there is none. */
export async function userResource(db: Db, id: string): Promise<{ kind: 'user'; id: string; unitId: string } | null> {
  const user = await db.user.findUnique({ where: { id }, select: { id: true, unitId: true } });
  return user && { kind: 'user' as const, ...user };
}
