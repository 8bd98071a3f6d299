// People to name on a task (supervisors, leaders), with directory fields only: active business users, by role and
// unit, in name order.
import type { Db } from '../../db/client.ts';
import type { BusinessRole } from '../../domain/roles.ts';

export interface DirectoryPerson {
  id: string;
  displayName: string;
  unitId: string;
  title: string;
}

export async function directoryPeople(
  db: Db,
  filter: { role?: BusinessRole | undefined; unitId?: string | undefined },
): Promise<DirectoryPerson[]> {
  const { role, unitId } = filter;
  return db.user.findMany({
    where: {
      disabled: false,
      adminRole: null,
      ...(role ? { roles: { some: { role } } } : {}),
      ...(unitId ? { unitId } : {}),
    },
    select: { id: true, displayName: true, unitId: true, title: true },
    orderBy: { displayName: 'asc' },
    take: 500,
  });
}
