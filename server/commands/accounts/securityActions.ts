// The security administrator's account actions: clearance, unlocking, resetting a lost second factor.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { revokeUserSessions } from '../../auth/sessions.ts';
import { NotFound } from '../../errors.ts';
import { accountNotice } from '../../notifications/accountNotices.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

async function mustExist(svc: Services, userId: string) {
  const user = await svc.db.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFound('user');
  return user;
}

export async function setClearance(
  svc: Services,
  ctx: RequestContext,
  userId: string,
  clearance: number,
): Promise<void> {
  const user = await mustExist(svc, userId);
  const notices = await inTransaction(svc, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { clearance, updatedAt: ctx.at } });
    await recordAudit(tx, ctx, {
      action: 'user.set_clearance',
      resourceType: 'user',
      resourceId: userId,
      detail: { from: user.clearance, to: clearance },
    });
    return user.clearance === clearance
      ? []
      : svc.notifications.create(tx, [accountNotice(userId, 'account.clearance_changed')], ctx.at);
  });
  await svc.notifications.publish(notices);
}

export async function unlockUser(svc: Services, ctx: RequestContext, userId: string): Promise<void> {
  await mustExist(svc, userId);
  await inTransaction(svc, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { failedAttempts: 0, lockedUntil: null, updatedAt: ctx.at } });
    await recordAudit(tx, ctx, { action: 'user.unlock', resourceType: 'user', resourceId: userId });
  });
}

export async function resetMfa(svc: Services, ctx: RequestContext, userId: string): Promise<void> {
  await mustExist(svc, userId);
  const { closed, notices } = await inTransaction(svc, async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: { totpSecretEnc: null, totpPendingEnc: null, totpEnabledAt: null, lastTotpStep: null, updatedAt: ctx.at },
    });
    const revoked = await revokeUserSessions(tx, userId, ctx.at);
    await recordAudit(tx, ctx, { action: 'user.reset_mfa', resourceType: 'user', resourceId: userId });
    return {
      closed: revoked,
      notices: await svc.notifications.create(tx, [accountNotice(userId, 'account.mfa_reset')], ctx.at),
    };
  });
  await svc.notifications.publish(notices);
  svc.notifications.closeSessions(closed);
}
