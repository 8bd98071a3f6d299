// Keeps the per-unit, per-month statistics counters in step with the tasks, in the command's transaction.
import type { Tx } from '../../db/client.ts';

export async function bumpUnitMonth(
  tx: Tx,
  unitId: string,
  month: string,
  delta: Partial<Record<'created' | 'completed' | 'completedOnTime' | 'lateDaysTotal', number>>,
): Promise<void> {
  const increments = Object.fromEntries(Object.entries(delta).map(([k, v]) => [k, { increment: v }]));
  await tx.supervisionUnitMonth.upsert({
    where: { unitId_month: { unitId, month } },
    create: { unitId, month, created: 0, completed: 0, completedOnTime: 0, lateDaysTotal: 0, ...delta },
    update: increments,
  });
}
