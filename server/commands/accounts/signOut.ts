// Ends this session, or every session of the user ("sign out everywhere").
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { revokeSession, revokeUserSessions } from '../../auth/sessions.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

export async function signOut(svc: Services, ctx: RequestContext, sessionId: string): Promise<void> {
  await inTransaction(svc, async (tx) => {
    await revokeSession(tx, sessionId, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'auth.sign_out',
      resourceType: 'session',
      resourceId: sessionId.slice(0, 16),
    });
  });
  svc.notifications.closeSessions([sessionId]);
}

export async function signOutEverywhere(svc: Services, ctx: RequestContext, userId: string): Promise<number> {
  const ids = await inTransaction(svc, async (tx) => {
    const revoked = await revokeUserSessions(tx, userId, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'auth.sign_out_everywhere',
      resourceType: 'user',
      resourceId: userId,
      detail: { sessions: revoked.length },
    });
    return revoked;
  });
  svc.notifications.closeSessions(ids);
  return ids.length;
}
