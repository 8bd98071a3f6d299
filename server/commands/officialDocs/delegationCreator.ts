// 代理: a person names a deputy who handles their route steps while they are away, for a bounded time; the deputy's
// opinions are recorded as given on their behalf. Revoking ends it at once.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { NotFound } from '../../errors.ts';
import { authorize } from '../../policies/index.ts';
import { mayHandle, officialDocError } from '../../policies/officialDocs.ts';
import type { Services } from '../../services.ts';
import { auditingRefusals } from './refusalAudit.ts';

/** The longest delegation: a leave, not a standing transfer of duties. */
export const MAX_DELEGATION_DAYS = 90;

export async function createDelegation(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  input: { deputyId: string; startsAt: Date; endsAt: Date; reason?: string },
): Promise<{ id: string }> {
  const audit = { action: 'officialDoc.delegate', resourceType: 'delegation', resourceId: null };
  return auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      authorize(subject, 'officialDoc.delegate');
      if (input.deputyId === subject.id) throw officialDocError(400, 'delegation_self');
      const span = input.endsAt.getTime() - input.startsAt.getTime();
      if (!(span > 0) || span > MAX_DELEGATION_DAYS * 86_400_000 || input.endsAt <= ctx.at)
        throw officialDocError(400, 'delegation_period');
      const deputy = await tx.user.findUnique({
        where: { id: input.deputyId },
        select: { id: true, disabled: true, adminRole: true, clearance: true },
      });
      // A deputy acts only on what they are cleared for; the policies check each document as it comes.
      if (!deputy || deputy.disabled || !mayHandle(deputy, 0)) throw officialDocError(400, 'unknown_person');
      const row = await tx.delegation.create({
        data: {
          principalId: subject.id,
          deputyId: deputy.id,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          reason: input.reason ?? '',
          createdAt: ctx.at,
        },
      });
      await recordAudit(tx, ctx, {
        action: 'officialDoc.delegate',
        resourceType: 'delegation',
        resourceId: row.id,
        detail: { deputyId: deputy.id, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString() },
      });
      return { id: row.id };
    }),
  );
}

export async function revokeDelegation(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    const { count } = await tx.delegation.updateMany({
      where: { id, principalId: subject.id, revokedAt: null },
      data: { revokedAt: ctx.at },
    });
    if (count !== 1) throw new NotFound('delegation');
    await recordAudit(tx, ctx, { action: 'officialDoc.delegation.revoke', resourceType: 'delegation', resourceId: id });
  });
}
