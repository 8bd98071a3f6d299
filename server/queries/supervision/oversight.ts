// The units a person oversees, as the supervision policies take them: their own unit, or for a leader the subtree
// below it.
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { overseenUnits, overseesBelowOwnUnit, type Oversight } from '../../policies/supervision.ts';

/** The units the subject oversees. Only a leader's reach goes below their own unit, so only then is the tree read. */
export async function oversightOf(db: Db | Tx, subject: Subject): Promise<Oversight> {
  if (!overseesBelowOwnUnit(subject)) return new Set([subject.unitId]);
  return overseenUnits(subject, await db.unit.findMany({ select: { id: true, parentId: true } }));
}
