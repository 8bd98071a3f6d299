// The office registers its unit's electronic seals, names who may use each (用印人) and retires them. A new seal's key
// pair is made here: the private key goes to <keyDir>/seals/ before the registration commits (and is removed again if
// it does not), the public key into the register.
import { randomUUID } from 'node:crypto';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { BadRequest, Conflict } from '../../errors.ts';
import { authorize } from '../../policies/index.ts';
import { sealResource, sealUnitResource } from '../../queries/seals/sealFacts.ts';
import { SealKeyStore } from '../../security/sealKeys.ts';
import type { Services } from '../../services.ts';

/** Holders must be active, non-administrator accounts. */
async function checkedHolders(tx: Tx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const users = await tx.user.findMany({
    where: { id: { in: unique }, disabled: false, adminRole: null },
    select: { id: true },
  });
  if (users.length !== unique.length)
    throw new BadRequest(
      'seal_holder_invalid',
      'A seal holder must be an active staff account (用印人须为在用的业务账号)',
      { unknown: unique.filter((id) => !users.some((u) => u.id === id)) },
    );
  return unique;
}

export async function registerSeal(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  input: { unitId: string; name: string; holderIds: string[] },
): Promise<{ id: string }> {
  authorize(subject, 'seal.manage', await sealUnitResource(svc.db, input.unitId));
  const id = randomUUID();
  const keys = new SealKeyStore(svc.config.keyDir);
  const pair = keys.create(id);
  try {
    return await inTransaction(svc, async (tx) => {
      authorize(subject, 'seal.manage', await sealUnitResource(tx, input.unitId));
      const holders = await checkedHolders(tx, input.holderIds);
      await tx.seal.create({
        data: {
          id,
          unitId: input.unitId,
          name: input.name,
          publicKey: pair.publicKey,
          createdAt: ctx.at,
          holders: { create: holders.map((userId) => ({ userId, grantedAt: ctx.at })) },
        },
      });
      await recordAudit(tx, ctx, {
        action: 'seal.register',
        resourceType: 'seal',
        resourceId: id,
        detail: { unitId: input.unitId, holderIds: holders },
      });
      return { id };
    });
  } catch (err) {
    keys.discard(id);
    throw err;
  }
}

export async function setSealHolders(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  sealId: string,
  holderIds: string[],
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    const seal = await sealResource(tx, sealId);
    authorize(subject, 'seal.manage', seal);
    if (seal.retired) throw new Conflict('seal_retired', 'This seal is retired (该印章已停用)');
    const holders = await checkedHolders(tx, holderIds);
    const removed = seal.holderIds.filter((id) => !holders.includes(id));
    const added = holders.filter((id) => !seal.holderIds.includes(id));
    await tx.sealHolder.deleteMany({ where: { sealId, userId: { in: removed } } });
    await tx.sealHolder.createMany({ data: added.map((userId) => ({ sealId, userId, grantedAt: ctx.at })) });
    await recordAudit(tx, ctx, {
      action: 'seal.holders',
      resourceType: 'seal',
      resourceId: sealId,
      detail: { added, removed },
    });
  });
}

export async function retireSeal(svc: Services, ctx: RequestContext, subject: Subject, sealId: string): Promise<void> {
  await inTransaction(svc, async (tx) => {
    authorize(subject, 'seal.manage', await sealResource(tx, sealId));
    const { count } = await tx.seal.updateMany({ where: { id: sealId, retiredAt: null }, data: { retiredAt: ctx.at } });
    if (count !== 1) throw new Conflict('seal_retired', 'This seal is retired (该印章已停用)');
    await recordAudit(tx, ctx, { action: 'seal.retire', resourceType: 'seal', resourceId: sealId });
  });
}
