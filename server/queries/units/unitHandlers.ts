// Who acts for a unit: its handlers (clerks and leaders, who sign for its tasks and hear about them) and its heads.
import type { Db, Tx } from '../../db/client.ts';

/** Clerks and leaders of a unit: who signs for it and hears about its tasks. */
export async function unitHandlers(tx: Tx | Db, unitId: string, clearance = 0): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: {
      unitId,
      disabled: false,
      adminRole: null,
      clearance: { gte: clearance },
      roles: { some: { role: { in: ['clerk', 'leader'] } } },
    },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The heads (leaders) of a unit. */
export async function unitLeaders(tx: Tx | Db, unitId: string): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { unitId, disabled: false, adminRole: null, roles: { some: { role: 'leader' } } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
