// The system administrator issues a one-time password to a user who lost theirs; it must be changed at next sign-in.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { revokeUserSessions } from '../../auth/sessions.ts';
import { NotFound } from '../../errors.ts';
import { accountNotice } from '../../notifications/accountNotices.ts';
import type { Services } from '../../services.ts';
import { storeNewPassword } from './passwordRules.ts';
import { inTransaction } from '../../db/transaction.ts';
import { temporaryPassword } from './userCreator.ts';

export async function resetPassword(svc: Services, ctx: RequestContext, userId: string): Promise<string> {
  const password = temporaryPassword();
  const { closed, notices } = await inTransaction(svc, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFound('user');
    const hash = await storeNewPassword(tx, userId, password, ctx.at);
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash: hash, passwordChangedAt: ctx.at, mustChangePassword: true, updatedAt: ctx.at },
    });
    const revoked = await revokeUserSessions(tx, userId, ctx.at);
    await recordAudit(tx, ctx, { action: 'user.reset_password', resourceType: 'user', resourceId: userId });
    return {
      closed: revoked,
      notices: await svc.notifications.create(tx, [accountNotice(userId, 'account.password_reset')], ctx.at),
    };
  });
  await svc.notifications.publish(notices);
  svc.notifications.closeSessions(closed);
  return password;
}
