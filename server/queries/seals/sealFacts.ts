// What the seal rules need: a seal's unit, the office that manages it, its holders, whether it is retired; and a
// unit's managing office.
import type { Db, Tx } from '../../db/client.ts';
import { NotFound } from '../../errors.ts';
import type { SealResource, SealUnitResource } from '../../policies/seals.ts';

export async function sealUnitResource(db: Db | Tx, unitId: string): Promise<SealUnitResource> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, issuingSetting: true } });
  if (!unit) throw new NotFound('unit');
  return { kind: 'sealUnit', unitId, officeUnitId: unit.issuingSetting?.officeUnitId ?? unitId };
}

export async function sealResource(db: Db | Tx, sealId: string): Promise<SealResource> {
  const seal = await db.seal.findUnique({
    where: { id: sealId },
    select: { unitId: true, retiredAt: true, holders: { select: { userId: true } } },
  });
  if (!seal) throw new NotFound('seal');
  const unit = await sealUnitResource(db, seal.unitId);
  return {
    kind: 'seal',
    unitId: seal.unitId,
    officeUnitId: unit.officeUnitId,
    holderIds: seal.holders.map((h) => h.userId),
    retired: seal.retiredAt !== null,
  };
}
