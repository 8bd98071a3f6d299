// Records a refused access (`access.denied`): who asked for what, by the object's kind and id (never its title), and
// why. A refusal has no business transaction of its own (the one that refused rolled back), so this writes in its own,
// and never turns the refusal into a failure: the caller's answer stays a 404 or 403 whatever happens here.
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { AuditHeadAnchor } from './headAnchor.ts';
import type { Refusal } from '../errors.ts';
import { recordAudit, type RequestContext } from './auditLog.ts';

export const ACCESS_DENIED = 'access.denied';

export async function recordAccessDenied(
  svc: { db: Db; log: Logger; auditHead: AuditHeadAnchor },
  ctx: RequestContext,
  refusal: Refusal,
): Promise<void> {
  try {
    await svc.db.$transaction((tx) =>
      recordAudit(tx, ctx, {
        action: ACCESS_DENIED,
        resourceType: refusal.resourceType,
        resourceId: refusal.resourceId,
        outcome: 'failure',
        detail: { action: refusal.action, reason: refusal.reason },
      }),
    );
    // Anchored at once, like a command's events (db/transaction.ts), not only by the watch a moment later.
    await svc.auditHead.anchor();
  } catch (err) {
    svc.log.error({ err, ...refusal, actorId: ctx.actor?.id ?? null }, 'could not audit a refused access');
  }
}
