// Gives units read access to the minutes (纪要印发), in the command's transaction.
import type { Tx } from '../../db/client.ts';

/**
 * Gives units read access to the minutes (纪要印发): the supervisors' office once there are proposals to review, the
 * lead and co-units once tasks are made, so "open in minutes" from a task works for the people doing it. An existing
 * share keeps its level (the documents are read-only once finalised anyway).
 */
export async function shareMinutesWithUnits(
  tx: Tx,
  documentId: string,
  unitIds: readonly string[],
  actorId: string,
  at: Date,
): Promise<void> {
  for (const unitId of new Set(unitIds)) {
    await tx.documentShare.upsert({
      where: { documentId_granteeType_granteeId: { documentId, granteeType: 'unit', granteeId: unitId } },
      create: {
        documentId,
        granteeType: 'unit',
        granteeId: unitId,
        access: 'view',
        createdById: actorId,
        createdAt: at,
      },
      update: {},
    });
  }
}
