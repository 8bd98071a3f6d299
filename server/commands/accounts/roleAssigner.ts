// The security administrator sets an account's roles. Administrator duties are exclusive, and the last holder of a
// duty cannot lose it (the organisation would be left without it).
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { revokeUserSessions } from '../../auth/sessions.ts';
import { parseRoleNames, type RoleName } from '../../domain/roles.ts';
import { BadRequest, Conflict, NotFound } from '../../errors.ts';
import { accountNotice } from '../../notifications/accountNotices.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

export async function assignRoles(
  svc: Services,
  ctx: RequestContext,
  userId: string,
  roles: RoleName[],
): Promise<void> {
  const parsed = parseRoleNames(roles);
  if ('problem' in parsed) {
    await inTransaction(svc, (tx) =>
      recordAudit(tx, ctx, {
        action: 'user.assign_roles',
        resourceType: 'user',
        resourceId: userId,
        outcome: 'failure',
        detail: { roles, reason: parsed.problem },
      }),
    );
    throw new BadRequest(
      parsed.problem,
      parsed.problem === 'admin_roles_exclusive'
        ? 'The system, security and audit administrator duties cannot be held by one account'
        : `These roles cannot be held by one account: ${parsed.problem}`,
    );
  }
  const { adminRole, roles: business } = parsed.assignment;
  const { closed, notices } = await inTransaction(svc, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, include: { roles: true } });
    if (!user) throw new NotFound('user');
    if (user.adminRole && user.adminRole !== adminRole) {
      const holders = await tx.user.count({ where: { adminRole: user.adminRole, disabled: false } });
      if (holders <= 1)
        throw new Conflict('last_admin', `This is the only ${user.adminRole} administrator; appoint another first`);
    }
    await tx.userRole.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: { adminRole, updatedAt: ctx.at, roles: { create: business.map((role) => ({ role })) } },
    });
    // New privileges (or fewer) take effect at the next sign-in, which also enforces MFA for the new role.
    const revoked = await revokeUserSessions(tx, userId, ctx.at);
    const from = user.adminRole ? [`${user.adminRole}_admin`] : user.roles.map((r) => r.role);
    await recordAudit(tx, ctx, {
      action: 'user.assign_roles',
      resourceType: 'user',
      resourceId: userId,
      detail: { from, to: roles },
    });
    const changed = from.length !== roles.length || roles.some((r) => !from.includes(r));
    return {
      closed: revoked,
      notices: changed
        ? await svc.notifications.create(tx, [accountNotice(userId, 'account.roles_changed')], ctx.at)
        : [],
    };
  });
  // The notice goes out before the sessions close, so an open client sees why it is being signed out.
  await svc.notifications.publish(notices);
  svc.notifications.closeSessions(closed);
}
