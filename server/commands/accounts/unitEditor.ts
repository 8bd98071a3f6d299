// The system administrator maintains the unit tree: create, rename, move (never under its own descendant), and sets
// each unit's 机构代码 for its 档号 (unique; a code already in another unit's sealed 档号 stays theirs). Sealed 档号 keep
// the code they were given: changing it affects only packages sealed afterwards.
import { ARCHIVE_CODE_PATTERN } from '../../../common/archive/archive.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { unitArchiveCode } from '../../domain/archive/archiveRules.ts';
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
  /** 机构代码 in 档号; null: derived from the unit's id. */
  archiveCode?: string | null;
}

async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const other = await tx.unit.findUnique({ where: { name } });
  if (other && other.id !== exceptId) throw new Conflict('unit_name_taken', 'A unit with this name exists');
}

/** The code as kept (trimmed, upper case; empty means none), refused unless well-formed and free. */
async function checkedArchiveCode(tx: Tx, raw: string | null, exceptId?: string): Promise<string | null> {
  const code = raw?.trim().toUpperCase() ?? '';
  if (code === '') return null;
  if (!ARCHIVE_CODE_PATTERN.test(code))
    throw new BadRequest(
      'invalid_archive_code',
      'The 机构代码 must be 2 to 16 letters or digits (机构代码须为 2–16 位大写字母或数字)',
    );
  const others = await tx.unit.findMany({
    where: { id: exceptId === undefined ? undefined : { not: exceptId } },
    select: { id: true, archiveCode: true },
  });
  // Another unit's code, set or derived from its id, would give two units the same 档号.
  if (others.some((u) => unitArchiveCode(u) === code))
    throw new Conflict('archive_code_taken', 'Another unit uses this 机构代码 (该机构代码已被其他单位使用)');
  const used = await tx.archivePackage.findFirst({
    where: {
      archiveNumber: { startsWith: `${code}-` },
      ...(exceptId === undefined ? {} : { unitId: { not: exceptId } }),
    },
    select: { id: true },
  });
  if (used)
    throw new Conflict(
      'archive_code_taken',
      'This 机构代码 is in another unit’s archive numbers (该机构代码已用于其他单位的档号)',
    );
  return code;
}

export async function createUnit(svc: Services, ctx: RequestContext, input: UnitInput): Promise<{ id: string }> {
  return inTransaction(svc, async (tx) => {
    await assertNameFree(tx, input.name);
    const archiveCode = await checkedArchiveCode(tx, input.archiveCode ?? null);
    if (input.parentId && !(await tx.unit.findUnique({ where: { id: input.parentId } })))
      throw new NotFound('parent unit');
    const unit = await tx.unit.create({
      data: {
        name: input.name,
        shortName: input.shortName ?? null,
        aliases: JSON.stringify(input.aliases ?? []),
        parentId: input.parentId ?? null,
        sortOrder: input.sortOrder ?? 0,
        archiveCode,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'unit.create',
      resourceType: 'unit',
      resourceId: unit.id,
      detail: { parentId: input.parentId ?? null, archiveCode },
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
    const before = await tx.unit.findUnique({ where: { id: unitId } });
    if (!before) throw new NotFound('unit');
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
    const { aliases, archiveCode: rawCode, ...rest } = changes;
    const archiveCode = rawCode === undefined ? undefined : await checkedArchiveCode(tx, rawCode, unitId);
    await tx.unit.update({
      where: { id: unitId },
      data: {
        ...rest,
        ...(aliases ? { aliases: JSON.stringify(aliases) } : {}),
        ...(archiveCode === undefined ? {} : { archiveCode }),
        updatedAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'unit.update',
      resourceType: 'unit',
      resourceId: unitId,
      detail: {
        fields: Object.keys(changes),
        // The code is no secret; the trail says what the 档号 sealed from now on begin with.
        ...(archiveCode === undefined || archiveCode === before.archiveCode
          ? {}
          : { archiveCode: { from: before.archiveCode, to: archiveCode } }),
      },
    });
  });
}
