// The system administrator edits an account's profile, moves it between units, or disables it.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { revokeUserSessions } from '../../auth/sessions.ts';
import { NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface UserChanges {
  displayName?: string;
  unitId?: string;
  title?: string;
  email?: string | null;
  phone?: string | null;
  officePhone?: string;
  disabled?: boolean;
}

export async function updateUser(
  svc: Services,
  ctx: RequestContext,
  userId: string,
  changes: UserChanges,
): Promise<void> {
  const closed = await inTransaction(svc, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFound('user');
    if (changes.unitId && !(await tx.unit.findUnique({ where: { id: changes.unitId } }))) throw new NotFound('unit');
    await tx.user.update({ where: { id: userId }, data: { ...changes, updatedAt: ctx.at } });
    const revoked = changes.disabled === true ? await revokeUserSessions(tx, userId, ctx.at) : [];
    await recordAudit(tx, ctx, {
      action: changes.disabled === true ? 'user.disable' : 'user.update',
      resourceType: 'user',
      resourceId: userId,
      detail: { fields: Object.keys(changes) },
    });
    return revoked;
  });
  svc.notifications.closeSessions(closed);
}
