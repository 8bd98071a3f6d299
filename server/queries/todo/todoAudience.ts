// Whose 待办 a change may touch, for the live nudge (`todo:changed`): the people named, those standing in for them now
// (代理), and the people who sign for a unit. Over-inclusive on purpose — a nudge carries nothing and only makes the
// client ask again through the policies — but never everyone.
import type { Db, Tx } from '../../db/client.ts';

/** The people named and everyone who stands in for one of them at `at` (their 公文 wait for the deputy too). */
export async function withDeputies(db: Db | Tx, userIds: Iterable<string>, at: Date): Promise<string[]> {
  const named = [...new Set(userIds)];
  if (named.length === 0) return [];
  const deputies = await db.delegation.findMany({
    where: { principalId: { in: named }, revokedAt: null, startsAt: { lte: at }, endsAt: { gt: at } },
    select: { deputyId: true },
  });
  return [...new Set([...named, ...deputies.map((d) => d.deputyId)])];
}

/**
 * The people of these units who hold one of the roles (clerks sign for distributed 公文; clerks and leaders for
 * supervision tasks).
 */
export async function unitPeople(
  db: Db | Tx,
  unitIds: Iterable<string>,
  roles: readonly ('clerk' | 'leader')[],
): Promise<string[]> {
  const units = [...new Set(unitIds)];
  if (units.length === 0) return [];
  const people = await db.user.findMany({
    where: { unitId: { in: units }, disabled: false, adminRole: null, roles: { some: { role: { in: [...roles] } } } },
    select: { id: true },
  });
  return people.map((p) => p.id);
}
