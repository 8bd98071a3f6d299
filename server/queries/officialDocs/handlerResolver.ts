// Turns the handlers a route names (a person, or a role in a unit) into people, refusing anyone who may not handle a
// document of this classification: a route never promises a step to someone who could not open it.
import type { Db, Tx } from '../../db/client.ts';
import type { BusinessRole } from '../../domain/roles.ts';
import { mayHandle, officialDocError } from '../../policies/officialDocs.ts';

export type HandlerSpec = { userId: string } | { unitId: string; role: BusinessRole };

export async function resolveHandlers(
  db: Tx | Db,
  specs: readonly HandlerSpec[],
  classification: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (const spec of specs) {
    if ('userId' in spec) {
      const user = await db.user.findUnique({
        where: { id: spec.userId },
        select: { id: true, disabled: true, adminRole: true, clearance: true },
      });
      if (!user || user.disabled) throw officialDocError(400, 'unknown_person');
      if (!mayHandle(user, classification)) throw officialDocError(400, 'handler_not_cleared');
      ids.push(user.id);
      continue;
    }
    if ((await db.unit.count({ where: { id: spec.unitId } })) === 0) throw officialDocError(400, 'unknown_unit');
    const holders = await db.user.findMany({
      where: { unitId: spec.unitId, disabled: false, roles: { some: { role: spec.role } } },
      select: { id: true, adminRole: true, clearance: true },
      orderBy: { username: 'asc' },
    });
    const cleared = holders.filter((u) => mayHandle(u, classification));
    if (cleared.length === 0) throw officialDocError(400, 'nobody_named', `nobody holds ${spec.role} in that unit`);
    ids.push(...cleared.map((u) => u.id));
  }
  return [...new Set(ids)];
}
