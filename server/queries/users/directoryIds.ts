// Checks that units and people picked from the directory exist; names typed without a match carry a null id.
import type { Db, Tx } from '../../db/client.ts';
import { BadRequest } from '../../errors.ts';
import type { ProposalContent } from '../../domain/minutes/minutesProposals.ts';

/** Ids picked from the directory must be real; names typed without a match carry a null id. */
export async function checkDirectoryIds(
  tx: Tx | Db,
  fields: Partial<Pick<ProposalContent, 'leadUnits' | 'coUnits' | 'owners' | 'coOwners'>>,
): Promise<void> {
  const unitIds = [...(fields.leadUnits ?? []), ...(fields.coUnits ?? [])].flatMap((u) => (u.unitId ? [u.unitId] : []));
  const userIds = [...(fields.owners ?? []), ...(fields.coOwners ?? [])].flatMap((p) => (p.userId ? [p.userId] : []));
  if (
    unitIds.length > 0 &&
    (await tx.unit.count({ where: { id: { in: [...new Set(unitIds)] } } })) !== new Set(unitIds).size
  ) {
    throw new BadRequest('unknown_unit', 'A unit picked for the proposal does not exist');
  }
  if (
    userIds.length > 0 &&
    (await tx.user.count({ where: { id: { in: [...new Set(userIds)] } } })) !== new Set(userIds).size
  ) {
    throw new BadRequest('unknown_user', 'A person picked for the proposal does not exist');
  }
}
