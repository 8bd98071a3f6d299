// The user directory: search by name, username or title within a unit, a page at a time; one user with roles, unit
// and any password reset still open at `at`; and the facts the account policies need about a user.
import type { Db } from '../../db/client.ts';
import type { UserResource } from '../../policies/index.ts';

function include(at: Date) {
  return {
    roles: true,
    unit: { select: { name: true } },
    passwordResets: {
      where: { closedAt: null, expiresAt: { gt: at } },
      orderBy: { requestedAt: 'desc' },
      take: 1,
      select: { requestedAt: true, expiresAt: true, approvedAt: true },
    },
  } as const;
}

export async function searchUsers(
  db: Db,
  query: { q?: string | undefined; unitId?: string | undefined; page: number; pageSize: number },
  at: Date,
) {
  const { q, unitId, page, pageSize } = query;
  const where = {
    ...(unitId ? { unitId } : {}),
    ...(q ? { OR: [{ displayName: { contains: q } }, { username: { contains: q } }, { title: { contains: q } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      include: include(at),
      orderBy: [{ unitId: 'asc' }, { displayName: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.user.count({ where }),
  ]);
  return { rows, total };
}

/** One user with roles, unit name and open password reset, or null. */
export async function userById(db: Db, id: string, at: Date) {
  return db.user.findUnique({ where: { id }, include: include(at) });
}

/** What the account policies ask about a user (a 'user' resource), or null when there is none. */
export async function userResource(db: Db, id: string): Promise<UserResource | null> {
  const user = await db.user.findUnique({ where: { id }, select: { id: true, unitId: true, adminRole: true } });
  return user && { kind: 'user' as const, ...user };
}
