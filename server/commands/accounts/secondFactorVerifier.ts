// Completes a pending sign-in with a TOTP code or a one-time recovery code. Wrong codes count toward the lockout.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { createSession, revokeSession } from '../../auth/sessions.ts';
import { sessionStage, type SessionStage } from '../../auth/stage.ts';
import { afterFailure, afterSuccess, isLocked } from '../../domain/lockout.ts';
import { verifyTotp } from '../../domain/totp.ts';
import { InvalidState, Unauthorized } from '../../errors.ts';
import { open } from '../../security/cipher.ts';
import { sha256 } from '../../security/tokens.ts';
import type { Services } from '../../services.ts';
import { lockedError } from './signIn.ts';
import { inTransaction } from '../../db/transaction.ts';

export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

export async function verifySecondFactor(
  svc: Services,
  ctx: RequestContext,
  input: { sessionId: string; code: string },
): Promise<{ token: string; csrfToken: string; stage: SessionStage; closedSessionIds: string[] }> {
  const outcome = await inTransaction(svc, async (tx) => {
    const now = ctx.at;
    const session = await tx.session.findUnique({ where: { id: input.sessionId }, include: { user: true } });
    if (!session || session.revokedAt || !session.mfaPending)
      return {
        error: new InvalidState('no_pending_sign_in', 'There is no sign-in waiting for a second factor'),
      } as const;
    const user = session.user;
    if (!user.totpSecretEnc || !user.totpEnabledAt)
      return { error: new InvalidState('mfa_not_enrolled', 'Enrol an authenticator first') } as const;
    const state = { failedAttempts: user.failedAttempts, lockedUntil: user.lockedUntil };
    const actorCtx = { ...ctx, actor: { id: user.id, name: user.username } };
    if (isLocked(state, now)) {
      await revokeSession(tx, session.id, now);
      await recordAudit(tx, actorCtx, {
        action: 'auth.mfa',
        resourceType: 'user',
        resourceId: user.id,
        outcome: 'failure',
        detail: { reason: 'locked' },
      });
      return { error: lockedError(user.lockedUntil!) } as const;
    }

    const secret = open(svc.keys.atRest, user.totpSecretEnc, `totp:${user.id}`).toString();
    let method: 'totp' | 'recovery_code' | null = null;
    const step = verifyTotp(secret, input.code.trim(), now, user.lastTotpStep);
    if (step !== null) {
      method = 'totp';
      await tx.user.update({ where: { id: user.id }, data: { lastTotpStep: step } });
    } else {
      const codeHash = sha256(normaliseRecoveryCode(input.code));
      const recovery = await tx.recoveryCode.findFirst({ where: { userId: user.id, codeHash, usedAt: null } });
      if (recovery) {
        method = 'recovery_code';
        await tx.recoveryCode.update({ where: { id: recovery.id }, data: { usedAt: now } });
      }
    }

    if (method === null) {
      const next = afterFailure(state, now, {
        threshold: svc.config.lockoutThreshold,
        lockMinutes: svc.config.lockoutMinutes,
      });
      await tx.user.update({ where: { id: user.id }, data: next });
      await recordAudit(tx, actorCtx, {
        action: 'auth.mfa',
        resourceType: 'user',
        resourceId: user.id,
        outcome: 'failure',
        detail: { reason: 'wrong_code' },
      });
      if (isLocked(next, now)) {
        await revokeSession(tx, session.id, now);
        await recordAudit(tx, actorCtx, {
          action: 'auth.lockout',
          resourceType: 'user',
          resourceId: user.id,
          detail: { until: next.lockedUntil!.toISOString() },
        });
        return { error: lockedError(next.lockedUntil!) } as const;
      }
      return { error: new Unauthorized('invalid_code', 'The verification code is wrong or has expired') } as const;
    }

    // A new token once the second factor is proven, so a token seen before this point is worth nothing.
    await revokeSession(tx, session.id, now);
    const fresh = await createSession(tx, {
      userId: user.id,
      mfaPending: false,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      now,
      config: svc.config,
    });
    await tx.user.update({ where: { id: user.id }, data: { ...afterSuccess, lastLoginAt: now } });
    await recordAudit(tx, actorCtx, {
      action: 'auth.sign_in',
      resourceType: 'session',
      resourceId: fresh.session.id.slice(0, 16),
      detail: { factor: method },
    });
    return {
      result: {
        token: fresh.token,
        csrfToken: fresh.session.csrfToken,
        stage: sessionStage({ mfaPending: false, mfaEnabled: true, mustChangePassword: user.mustChangePassword }),
        closedSessionIds: Array.of(session.id),
      },
    } as const;
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}
