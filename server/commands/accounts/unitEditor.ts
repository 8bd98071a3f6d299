// The system administrator maintains the unit tree: create, rename, move (never under its own descendant).
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Tx } from '../../db/client.ts';
import { BadRequest, Conflict, NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface UnitInput {
  name: string;
  shortName?: string | null;
  aliases?: string[];
  parentId?: string | null;
  sortOrder?: number;
}

async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const other = await tx.unit.findUnique({ where: { name } });
  if (other && other.id !== exceptId) throw new Conflict('unit_name_taken', 'A unit with this name exists');
}

export async function createUnit(svc: Services, ctx: RequestContext, input: UnitInput): Promise<{ id: string }> {
  return inTransaction(svc, async (tx) => {
    await assertNameFree(tx, input.name);
    if (input.parentId && !(await tx.unit.findUnique({ where: { id: input.parentId } })))
      throw new NotFound('parent unit');
    const unit = await tx.unit.create({
      data: {
        name: input.name,
        shortName: input.shortName ?? null,
        aliases: JSON.stringify(input.aliases ?? []),
        parentId: input.parentId ?? null,
        sortOrder: input.sortOrder ?? 0,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'unit.create',
      resourceType: 'unit',
      resourceId: unit.id,
      detail: { parentId: input.parentId ?? null },
    });
    return { id: unit.id };
  });
}

export async function updateUnit(
  svc: Services,
  ctx: RequestContext,
  unitId: string,
  changes: Partial<UnitInput>,
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    if (!(await tx.unit.findUnique({ where: { id: unitId } }))) throw new NotFound('unit');
    if (changes.name) await assertNameFree(tx, changes.name, unitId);
    if (changes.parentId) {
      // Walk up from the new parent: meeting the unit itself means the move would create a cycle.
      for (let cursor: string | null = changes.parentId; cursor;) {
        if (cursor === unitId)
          throw new BadRequest('unit_cycle', 'A unit cannot be moved under itself or its own sub-unit');
        const parent: { parentId: string | null } | null = await tx.unit.findUnique({
          where: { id: cursor },
          select: { parentId: true },
        });
        if (!parent) throw new NotFound('parent unit');
        cursor = parent.parentId;
      }
    }
    const { aliases, ...rest } = changes;
    await tx.unit.update({
      where: { id: unitId },
      data: { ...rest, ...(aliases ? { aliases: JSON.stringify(aliases) } : {}), updatedAt: ctx.at },
    });
    await recordAudit(tx, ctx, {
      action: 'unit.update',
      resourceType: 'unit',
      resourceId: unitId,
      detail: { fields: Object.keys(changes) },
    });
  });
}
