// TOTP enrolment in two steps: start (a new secret shown as a QR code) and confirm (a code from the app proves it works).
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { createSession, revokeSession } from '../../auth/sessions.ts';
import { sessionStage, type SessionStage } from '../../auth/stage.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from '../../domain/totp.ts';
import { base32Encode } from '../../domain/totp.ts';
import { InvalidState, Unauthorized } from '../../errors.ts';
import { open, seal } from '../../security/cipher.ts';
import { sha256 } from '../../security/tokens.ts';
import type { Services } from '../../services.ts';
import { normaliseRecoveryCode } from './secondFactorVerifier.ts';
import { inTransaction } from '../../db/transaction.ts';

const RECOVERY_CODES = 10;
const ISSUER = '同办 Tongban';

export async function startTotpEnrolment(
  svc: Services,
  ctx: RequestContext,
  userId: string,
): Promise<{ secret: string; otpauthUri: string; qrDataUrl: string }> {
  const user = await svc.db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.totpEnabledAt)
    throw new InvalidState(
      'mfa_already_enrolled',
      'An authenticator is already enrolled; ask the security administrator to reset it',
    );
  const secret = newTotpSecret();
  await inTransaction(svc, async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpPendingEnc: seal(svc.keys.atRest, secret, `totp:${userId}`) },
    });
    await recordAudit(tx, ctx, { action: 'mfa.enrol_start', resourceType: 'user', resourceId: userId });
  });
  const uri = otpauthUri(secret, user.username, ISSUER);
  return { secret, otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
}

function newRecoveryCode(): string {
  const raw = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

export async function confirmTotpEnrolment(
  svc: Services,
  ctx: RequestContext,
  input: { userId: string; sessionId: string; code: string },
): Promise<{
  recoveryCodes: string[];
  token: string;
  csrfToken: string;
  stage: SessionStage;
  closedSessionIds: string[];
}> {
  return inTransaction(svc, async (tx) => {
    const now = ctx.at;
    const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId } });
    if (user.totpEnabledAt) throw new InvalidState('mfa_already_enrolled', 'An authenticator is already enrolled');
    if (!user.totpPendingEnc) throw new InvalidState('no_pending_enrolment', 'Start the enrolment first');
    const secret = open(svc.keys.atRest, user.totpPendingEnc, `totp:${user.id}`).toString();
    const step = verifyTotp(secret, input.code.trim(), now, null);
    if (step === null) {
      await recordAudit(tx, ctx, {
        action: 'mfa.enrol_confirm',
        resourceType: 'user',
        resourceId: user.id,
        outcome: 'failure',
        detail: { reason: 'wrong_code' },
      });
      return Promise.reject(
        new Unauthorized('invalid_code', 'The verification code is wrong; check the time on your device'),
      );
    }
    const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({
      data: recoveryCodes.map((c) => ({ userId: user.id, codeHash: sha256(normaliseRecoveryCode(c)) })),
    });
    await tx.user.update({
      where: { id: user.id },
      data: {
        totpSecretEnc: user.totpPendingEnc,
        totpPendingEnc: null,
        totpEnabledAt: now,
        lastTotpStep: step,
        lastLoginAt: now,
      },
    });
    // Enrolment during a pending sign-in proves the second factor; issue a fresh full session either way.
    const pending =
      (await tx.session.findUnique({ where: { id: input.sessionId }, select: { mfaPending: true } }))?.mfaPending ??
      false;
    await revokeSession(tx, input.sessionId, now);
    const fresh = await createSession(tx, {
      userId: user.id,
      mfaPending: false,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      now,
      config: svc.config,
    });
    await recordAudit(tx, ctx, { action: 'mfa.enrol_confirm', resourceType: 'user', resourceId: user.id });
    // That completes a sign-in like a verified code does, and the trail must show it as one.
    if (pending) {
      await recordAudit(tx, ctx, {
        action: 'auth.sign_in',
        resourceType: 'session',
        resourceId: fresh.session.id.slice(0, 16),
        detail: { factor: 'totp_enrolment' },
      });
    }
    return {
      recoveryCodes,
      token: fresh.token,
      csrfToken: fresh.session.csrfToken,
      stage: sessionStage({ mfaPending: false, mfaEnabled: true, mustChangePassword: user.mustChangePassword }),
      closedSessionIds: [input.sessionId],
    };
  });
}
