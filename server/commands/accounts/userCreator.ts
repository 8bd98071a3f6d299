// Creates an account. Through the API the system administrator creates staff accounts (roles are the security
// administrator's duty); the CLI, run by the operator on the server, may also set roles and clearance.
import { randomInt } from 'node:crypto';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { parseRoleNames, type RoleName } from '../../domain/roles.ts';
import { BadRequest, Conflict, NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { assertPasswordAcceptable, storeNewPassword } from './passwordRules.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface NewUserInput {
  username: string;
  displayName: string;
  unitId: string;
  title?: string;
  email?: string | null;
  phone?: string | null;
  /** 办公电话, listed in the 通讯录. */
  officePhone?: string;
  /** Omitted: a one-time password is generated and must be changed at first sign-in. */
  password?: string;
  roles?: RoleName[];
  clearance?: number;
}

const TEMP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function temporaryPassword(): string {
  const pick = (set: string) => set[randomInt(set.length)];
  const body = Array.from({ length: 12 }, () => pick(TEMP_ALPHABET)).join('');
  return `${body}${pick('ABCDEFGHJKLMNPQRSTUVWXYZ')}${pick('23456789')}${pick('!@#%&*')}`;
}

export async function createUser(
  svc: Services,
  ctx: RequestContext,
  input: NewUserInput,
): Promise<{ id: string; temporaryPassword: string | null }> {
  const parsed = parseRoleNames(input.roles ?? ['staff']);
  if ('problem' in parsed)
    throw new BadRequest(parsed.problem, `These roles cannot be held by one account: ${parsed.problem}`);
  const password = input.password ?? temporaryPassword();
  assertPasswordAcceptable(password, input.username, svc.config.passwordMinLength);
  return inTransaction(svc, async (tx) => {
    const now = ctx.at;
    if (!(await tx.unit.findUnique({ where: { id: input.unitId } }))) throw new NotFound('unit');
    if (await tx.user.findUnique({ where: { username: input.username } }))
      throw new Conflict('username_taken', 'This user name is taken');
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        unitId: input.unitId,
        title: input.title ?? '',
        email: input.email ?? null,
        phone: input.phone ?? null,
        officePhone: input.officePhone ?? '',
        adminRole: parsed.assignment.adminRole,
        clearance: input.clearance ?? 1,
        passwordHash: '',
        passwordChangedAt: now,
        mustChangePassword: input.password === undefined,
        createdAt: now,
        updatedAt: now,
        roles: { create: parsed.assignment.roles.map((role) => ({ role })) },
      },
    });
    const hash = await storeNewPassword(tx, user.id, password, now);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: hash } });
    await recordAudit(tx, ctx, {
      action: 'user.create',
      resourceType: 'user',
      resourceId: user.id,
      detail: {
        username: input.username,
        unitId: input.unitId,
        roles: input.roles ?? ['staff'],
        clearance: input.clearance ?? 1,
      },
    });
    return { id: user.id, temporaryPassword: input.password === undefined ? password : null };
  });
}
