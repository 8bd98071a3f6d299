// The user sets a new password with both halves of their one-time reset code (one from each administrator), from the
// sign-in page. Every failure answers the same (unknown user, no approved reset, wrong or used code), and each wrong
// code counts against the reset, which closes at the limit even when the guesses arrive together. On success the
// user's sessions end, a lockout is lifted (the codes proved who they are), and they are told.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { revokeUserSessions } from '../../auth/sessions.ts';
import { BadRequest } from '../../errors.ts';
import { accountNotice } from '../../notifications/accountNotices.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { assertPasswordAcceptable, storeNewPassword } from './passwordRules.ts';
import { halfMatches, RESET_MAX_ATTEMPTS } from './resetCodes.ts';

export interface ResetCompletion {
  username: string;
  firstCode: string;
  secondCode: string;
  newPassword: string;
}

const invalidCode = () =>
  new BadRequest(
    'invalid_reset_code',
    'The reset codes are wrong, used or expired; ask the administrators for a new reset',
  );

export async function completePasswordReset(svc: Services, ctx: RequestContext, input: ResetCompletion): Promise<void> {
  // The password policy says nothing about the account, so it is checked first and its problems named.
  assertPasswordAcceptable(input.newPassword, input.username, svc.config.passwordMinLength);
  const user = await svc.db.user.findUnique({
    where: { username: input.username },
    select: { id: true, username: true, disabled: true },
  });
  const outcome = await inTransaction(svc, async (tx) => {
    const fail = async (reason: string) => {
      await recordAudit(tx, ctx, {
        action: 'user.password_reset.complete',
        resourceType: 'user',
        resourceId: user?.id ?? null,
        outcome: 'failure',
        actorName: input.username,
        detail: { reason },
      });
      return { error: invalidCode() } as const;
    };
    if (!user || user.disabled) return fail(user ? 'disabled' : 'unknown_user');
    const reset = await tx.passwordReset.findFirst({
      where: { userId: user.id, closedAt: null, expiresAt: { gt: ctx.at } },
      orderBy: { requestedAt: 'desc' },
    });
    if (!reset) return fail('no_open_reset');
    if (!halfMatches(input.firstCode, reset.firstHash) || !halfMatches(input.secondCode, reset.secondHash)) {
      // Counted in the database, not from the row read above: parallel guesses each add one.
      await tx.passwordReset.updateMany({
        where: { id: reset.id, closedAt: null, failedAttempts: { lt: RESET_MAX_ATTEMPTS } },
        data: { failedAttempts: { increment: 1 } },
      });
      await tx.passwordReset.updateMany({
        where: { id: reset.id, closedAt: null, failedAttempts: { gte: RESET_MAX_ATTEMPTS } },
        data: { closedAt: ctx.at, closedReason: 'too_many_attempts' },
      });
      return fail(reset.secondHash === null ? 'not_approved' : 'wrong_code');
    }
    const used = await tx.passwordReset.updateMany({
      where: { id: reset.id, closedAt: null },
      data: { closedAt: ctx.at, closedReason: 'used' },
    });
    if (used.count === 0) return fail('already_used');
    const hash = await storeNewPassword(tx, user.id, input.newPassword, ctx.at);
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash: hash,
        passwordChangedAt: ctx.at,
        mustChangePassword: false,
        failedAttempts: 0,
        lockedUntil: null,
        updatedAt: ctx.at,
      },
    });
    const revoked = await revokeUserSessions(tx, user.id, ctx.at);
    await recordAudit(
      tx,
      { ...ctx, actor: { id: user.id, name: user.username } },
      {
        action: 'user.password_reset.complete',
        resourceType: 'user',
        resourceId: user.id,
        detail: { resetId: reset.id, sessionsEnded: revoked.length },
      },
    );
    return {
      closed: revoked,
      notices: await svc.notifications.create(tx, [accountNotice(user.id, 'account.password_reset')], ctx.at),
    } as const;
  });
  // A failure is thrown only after the transaction committed, so the counted attempt and its audit event are kept.
  if ('error' in outcome) throw outcome.error;
  await svc.notifications.publish(outcome.notices);
  svc.notifications.closeSessions(outcome.closed);
}
