// Password sign-in with lockout. A session that still owes a second factor (or its enrolment) is marked mfaPending.
// Unknown names, wrong passwords and locked accounts all get the same 401, so the answer tells nobody which names exist
// or are locked (a locked account's right password included: during a lockout no password is judged); the person learns
// of a lockout from an account notice.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { createSession } from '../../auth/sessions.ts';
import { sessionStage, type SessionStage } from '../../auth/stage.ts';
import { afterFailure, afterSuccess, isLocked } from '../../domain/lockout.ts';
import { requiresMfa, type AdminRole, type BusinessRole } from '../../domain/roles.ts';
import { Locked, Unauthorized } from '../../errors.ts';
import { accountNotice } from '../../notifications/accountNotices.ts';
import { hashPassword, verifyPassword } from '../../security/passwordHash.ts';
import { randomToken } from '../../security/tokens.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

// Verifying against a real hash when the user does not exist keeps response times from revealing which names exist.
let dummyHash: Promise<string> | null = null;
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  stage: SessionStage;
}

const invalidCredentials = () => new Unauthorized('invalid_credentials', 'Wrong user name or password');

/** The MFA step's answer for a locked account: its caller has already proved the password, so it may be told. */
export function lockedError(until: Date): Locked {
  return new Locked('The account is locked after repeated failed sign-ins; try again later', {
    lockedUntil: until.toISOString(),
  });
}

export async function signIn(
  svc: Services,
  ctx: RequestContext,
  input: { username: string; password: string },
): Promise<SignInResult> {
  const now = ctx.at;
  const user = await svc.db.user.findUnique({ where: { username: input.username }, include: { roles: true } });
  const passwordOk = await verifyPassword(user?.passwordHash || (await dummy()), input.password);

  return inTransaction(svc, async (tx) => {
    const fail = async (reason: string) =>
      recordAudit(tx, ctx, {
        action: 'auth.sign_in',
        resourceType: 'user',
        resourceId: user?.id ?? null,
        outcome: 'failure',
        actorName: input.username,
        detail: { reason },
      });

    if (!user || user.disabled) {
      await fail(user ? 'disabled' : 'unknown_user');
      return { error: invalidCredentials() } as const;
    }
    // Read the counter inside the transaction, not with the user above, and through a write that locks the user's row
    // first: requests that arrive together, on this instance or on others sharing the database, must each see the
    // failures before them, or ten parallel guesses all read "0 failures" and none locks the account. The write
    // changes nothing; it makes the transaction a writer from its first statement (SQLite: the database's write lock,
    // waited for, where a read first would fail to upgrade once another instance committed; PostgreSQL: the row's
    // lock, so the read that follows sees every failure committed before it).
    const state = await tx.user.update({
      where: { id: user.id },
      data: { failedAttempts: { increment: 0 } },
      select: { failedAttempts: true, lockedUntil: true },
    });
    if (isLocked(state, now)) {
      await fail('locked');
      return { error: invalidCredentials() } as const;
    }
    if (!passwordOk) {
      const next = afterFailure(state, now, {
        threshold: svc.config.lockoutThreshold,
        lockMinutes: svc.config.lockoutMinutes,
      });
      await tx.user.update({ where: { id: user.id }, data: next });
      await fail('wrong_password');
      if (isLocked(next, now)) {
        await recordAudit(tx, ctx, {
          action: 'auth.lockout',
          resourceType: 'user',
          resourceId: user.id,
          actorName: input.username,
          detail: { until: next.lockedUntil!.toISOString() },
        });
        const notices = await svc.notifications.create(tx, [accountNotice(user.id, 'account.locked')], now);
        return { error: invalidCredentials(), notices } as const;
      }
      return { error: invalidCredentials() } as const;
    }

    const assignment = {
      adminRole: user.adminRole as AdminRole | null,
      roles: user.roles.map((r) => r.role as BusinessRole),
    };
    const mfaEnabled = user.totpEnabledAt !== null;
    const mfaPending = mfaEnabled || requiresMfa(assignment, svc.config.mfaRequired);
    await tx.user.update({
      where: { id: user.id },
      data: { ...afterSuccess, ...(mfaPending ? {} : { lastLoginAt: now }) },
    });
    const { token, session } = await createSession(tx, {
      userId: user.id,
      mfaPending,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      now,
      config: svc.config,
    });
    await recordAudit(
      tx,
      { ...ctx, actor: { id: user.id, name: user.username } },
      {
        action: mfaPending ? 'auth.password_verified' : 'auth.sign_in',
        resourceType: 'session',
        resourceId: session.id.slice(0, 16),
      },
    );
    return {
      result: {
        token,
        csrfToken: session.csrfToken,
        stage: sessionStage({ mfaPending, mfaEnabled, mustChangePassword: user.mustChangePassword }),
      },
    } as const;
  }).then(async (outcome) => {
    // The failure is thrown only after the transaction committed, so the failed attempt and its audit event are kept.
    if ('error' in outcome) {
      if ('notices' in outcome && outcome.notices) await svc.notifications.publish(outcome.notices);
      throw outcome.error;
    }
    return outcome.result;
  });
}
