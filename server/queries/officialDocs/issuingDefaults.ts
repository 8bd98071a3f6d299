// What a unit's documents carry without anyone typing it: 发文机关标志, 代字, 发文机关署名, and the 办公室 that prints
// them (印发机关). A unit's issuing setting overrides; otherwise its child unit named …办公室 is its office.
import type { Db, Tx } from '../../db/client.ts';
import { NotFound } from '../../errors.ts';

export interface IssuingDefaults {
  unitId: string;
  issuerName: string;
  issuerMark: string;
  numberPrefix: string;
  officeUnitId: string;
  printingUnit: string;
}

export async function issuingDefaults(db: Tx | Db, unitId: string): Promise<IssuingDefaults> {
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: {
      id: true,
      name: true,
      shortName: true,
      issuingSetting: true,
      children: { select: { id: true, name: true }, orderBy: { sortOrder: 'asc' } },
    },
  });
  if (!unit) throw new NotFound('unit');
  const setting = unit.issuingSetting;
  const officeId = setting?.officeUnitId ?? unit.children.find((c) => c.name.endsWith('办公室'))?.id ?? unit.id;
  const office =
    officeId === unit.id
      ? null
      : (unit.children.find((c) => c.id === officeId) ??
        (await db.unit.findUnique({ where: { id: officeId }, select: { id: true, name: true } })));
  return {
    unitId: unit.id,
    issuerName: unit.name,
    issuerMark: setting?.issuerMark || `${unit.name}文件`,
    numberPrefix: setting?.numberPrefix || (unit.shortName ?? unit.name),
    officeUnitId: office?.id ?? unit.id,
    // A unit without an office unit of its own prints through its own office (办公室), which has no account here;
    // an office prints its own.
    printingUnit: office?.name ?? (unit.name.endsWith('办公室') ? unit.name : `${unit.name}办公室`),
  };
}
