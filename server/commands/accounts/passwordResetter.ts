// The system administrator requests a password reset for a user who lost theirs (三员分立, two-person rule). Nothing
// about the account changes yet: the request holds one half of a one-time code, shown once to the system
// administrator; the security administrator's approval (passwordResetApprover.ts) makes the other half, and only the
// user, handed both, sets a new password (passwordResetCompleter.ts). A new request replaces an open one.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { newResetHalf, RESET_VALID_MS } from './resetCodes.ts';

export async function requestPasswordReset(
  svc: Services,
  ctx: RequestContext,
  userId: string,
): Promise<{ code: string; expiresAt: Date }> {
  const half = newResetHalf();
  const expiresAt = new Date(ctx.at.getTime() + RESET_VALID_MS);
  await inTransaction(svc, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new NotFound('user');
    const superseded = await tx.passwordReset.updateMany({
      where: { userId, closedAt: null },
      data: { closedAt: ctx.at, closedReason: 'superseded' },
    });
    const reset = await tx.passwordReset.create({
      data: { userId, requestedById: ctx.actor?.id ?? 'system', requestedAt: ctx.at, expiresAt, firstHash: half.hash },
    });
    await recordAudit(tx, ctx, {
      action: 'user.password_reset.request',
      resourceType: 'user',
      resourceId: userId,
      detail: { resetId: reset.id, expiresAt: expiresAt.toISOString(), superseded: superseded.count },
    });
  });
  return { code: half.code, expiresAt };
}
