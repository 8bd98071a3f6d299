// A user changes their own password: current password required, policy and history enforced, other sessions ended.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { revokeUserSessions } from '../../auth/sessions.ts';
import { Unauthorized } from '../../errors.ts';
import { verifyPassword } from '../../security/passwordHash.ts';
import type { Services } from '../../services.ts';
import { assertPasswordAcceptable, storeNewPassword } from './passwordRules.ts';
import { inTransaction } from '../../db/transaction.ts';

export async function changePassword(
  svc: Services,
  ctx: RequestContext,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await svc.db.user.findUniqueOrThrow({ where: { id: input.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await inTransaction(svc, (tx) =>
      recordAudit(tx, ctx, {
        action: 'user.change_password',
        resourceType: 'user',
        resourceId: user.id,
        outcome: 'failure',
        detail: { reason: 'wrong_current_password' },
      }),
    );
    throw new Unauthorized('invalid_credentials', 'The current password is wrong');
  }
  assertPasswordAcceptable(input.newPassword, user.username, svc.config.passwordMinLength);
  const closed = await inTransaction(svc, async (tx) => {
    const hash = await storeNewPassword(tx, user.id, input.newPassword, ctx.at);
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: hash, passwordChangedAt: ctx.at, mustChangePassword: false, updatedAt: ctx.at },
    });
    const revoked = await revokeUserSessions(tx, user.id, ctx.at, input.sessionId);
    await recordAudit(tx, ctx, {
      action: 'user.change_password',
      resourceType: 'user',
      resourceId: user.id,
      detail: { otherSessionsEnded: revoked.length },
    });
    return revoked;
  });
  svc.notifications.closeSessions(closed);
}
