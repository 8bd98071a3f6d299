// The security administrator approves a password reset the system administrator requested, and is shown the other
// half of the user's one-time code, once. Approving twice is refused: the half cannot be shown again.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { Conflict } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { newResetHalf } from './resetCodes.ts';

export async function approvePasswordReset(
  svc: Services,
  ctx: RequestContext,
  userId: string,
): Promise<{ code: string; expiresAt: Date }> {
  const half = newResetHalf();
  return inTransaction(svc, async (tx) => {
    const reset = await tx.passwordReset.findFirst({
      where: { userId, closedAt: null, expiresAt: { gt: ctx.at } },
      orderBy: { requestedAt: 'desc' },
    });
    if (!reset) throw new Conflict('no_reset_pending', 'No password reset for this account waits for approval');
    // Conditional on still being unapproved, so two approvals at once cannot both be shown a half.
    const approved = await tx.passwordReset.updateMany({
      where: { id: reset.id, secondHash: null, closedAt: null },
      data: { secondHash: half.hash, approvedById: ctx.actor?.id ?? 'system', approvedAt: ctx.at },
    });
    if (approved.count === 0)
      throw new Conflict(
        'reset_already_approved',
        'This reset was already approved and its code shown then; the system administrator can request a new one',
      );
    await recordAudit(tx, ctx, {
      action: 'user.password_reset.approve',
      resourceType: 'user',
      resourceId: userId,
      detail: { resetId: reset.id },
    });
    return { code: half.code, expiresAt: reset.expiresAt };
  });
}
