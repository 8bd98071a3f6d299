// A unit's issuing setting as its office or the system administrator sees it: the 发文机关标志, the 代字 and the
// 办公室 as written (null: not set) beside what documents get now (issuingDefaults), the units that may be its office,
// and which parts the viewer may change.
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { NotFound } from '../../errors.ts';
import { authorize, can, type IssuingUnitResource } from '../../policies/index.ts';
import { issuingDefaults } from './issuingDefaults.ts';

export async function issuingResource(db: Db | Tx, unitId: string): Promise<IssuingUnitResource> {
  const defaults = await issuingDefaults(db, unitId);
  return { kind: 'issuingUnit', unitId, officeUnitId: defaults.officeUnitId };
}

/** The units that may be a unit's 办公室: the unit itself and the units directly under it. */
export async function officeCandidates(db: Db | Tx, unitId: string) {
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: { id: true, name: true, children: { select: { id: true, name: true }, orderBy: { sortOrder: 'asc' } } },
  });
  if (!unit) throw new NotFound('unit');
  return [{ id: unit.id, name: unit.name }, ...unit.children];
}

export async function issuingSetting(db: Db, subject: Subject, unitId: string) {
  const resource = await issuingResource(db, unitId);
  authorize(subject, 'issuing.view', resource);
  const [defaults, setting, candidates] = await Promise.all([
    issuingDefaults(db, unitId),
    db.unitIssuingSetting.findUnique({ where: { unitId } }),
    officeCandidates(db, unitId),
  ]);
  return {
    unitId,
    /** As written; null where the unit has no setting and the defaults apply. */
    issuerMark: setting?.issuerMark || null,
    numberPrefix: setting?.numberPrefix || null,
    officeUnitId: setting?.officeUnitId ?? null,
    /** What the unit's documents get now. */
    effective: {
      issuerMark: defaults.issuerMark,
      numberPrefix: defaults.numberPrefix,
      officeUnitId: defaults.officeUnitId,
      printingUnit: defaults.printingUnit,
    },
    officeCandidates: candidates,
    mayEditMarks: can(subject, 'issuing.editMarks', resource),
    mayAssignOffice: can(subject, 'issuing.assignOffice', resource),
    updatedAt: setting?.updatedAt.toISOString() ?? null,
  };
}
