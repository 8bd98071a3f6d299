// First start: the one-time setup link creates the organisation's root unit and the three separated administrators.
import { setupNeeded } from '../../queries/accounts/setupNeeded.ts';
import type { AdminRole } from '../../domain/roles.ts';
import { passwordProblems } from '../../domain/passwordPolicy.ts';
import { BadRequest, Conflict, Forbidden } from '../../errors.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { randomToken, sha256 } from '../../security/tokens.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { storeNewPassword } from './passwordRules.ts';

const SETUP_TOKEN_HOURS = 24;

export interface AdminAccountInput {
  username: string;
  displayName: string;
  password: string;
}

export interface SetupInput {
  token: string;
  organisationName: string;
  system: AdminAccountInput;
  security: AdminAccountInput;
  audit: AdminAccountInput;
}

/** Issues a fresh one-time setup token while no system administrator exists (older ones stop working); null otherwise. */
export async function issueSetupToken(svc: Services): Promise<string | null> {
  if (!(await setupNeeded(svc.db))) return null;
  const token = randomToken();
  const now = svc.clock.now();
  await inTransaction(svc, async (tx) => {
    await tx.setupToken.updateMany({ where: { usedAt: null }, data: { expiresAt: now } });
    await tx.setupToken.create({
      data: {
        tokenHash: sha256(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000),
      },
    });
  });
  return token;
}

/**
 * Checks the three passwords together and names each administrator whose password falls short, so that the form can
 * say which account a problem concerns (details.accounts; problems and account repeat the first, as other commands
 * report one password).
 */
function assertPasswordsAcceptable(accounts: Array<[AdminRole, AdminAccountInput]>, minLength: number): void {
  const weak = accounts
    .map(([account, a]) => ({ account, problems: passwordProblems(a.password, a.username, minLength) }))
    .filter((w) => w.problems.length > 0);
  const first = weak[0];
  if (!first) return;
  throw new BadRequest(
    'weak_password',
    `Passwords that do not meet the policy: ${weak.map((w) => `${w.account} administrator (${w.problems.join(', ')})`).join('; ')}`,
    { problems: first.problems, minLength, account: first.account, accounts: weak },
  );
}

export async function setupAdministrators(svc: Services, ctx: RequestContext, input: SetupInput): Promise<void> {
  const accounts: Array<[AdminRole, AdminAccountInput]> = [
    ['system', input.system],
    ['security', input.security],
    ['audit', input.audit],
  ];
  const names = new Set(accounts.map(([, a]) => a.username.toLowerCase()));
  if (names.size !== 3)
    throw new Conflict('duplicate_username', 'The three administrators need three different accounts');
  assertPasswordsAcceptable(accounts, svc.config.passwordMinLength);

  await inTransaction(svc, async (tx) => {
    const now = ctx.at;
    const token = await tx.setupToken.findUnique({ where: { tokenHash: sha256(input.token) } });
    if (!token || token.usedAt || token.expiresAt.getTime() <= now.getTime()) {
      await recordAudit(tx, ctx, {
        action: 'setup.administrators',
        resourceType: 'system',
        outcome: 'failure',
        detail: { reason: 'invalid_token' },
      });
      throw new Forbidden(
        'invalid_setup_token',
        'This setup link is invalid or has expired; restart the server for a new one',
      );
    }
    if ((await tx.user.count({ where: { adminRole: 'system' } })) > 0)
      throw new Conflict('already_set_up', 'Tongban is already set up');
    await tx.setupToken.update({ where: { id: token.id }, data: { usedAt: now } });

    const root =
      (await tx.unit.findFirst({ where: { parentId: null }, orderBy: { sortOrder: 'asc' } })) ??
      (await tx.unit.create({ data: { name: input.organisationName, createdAt: now, updatedAt: now } }));
    for (const [role, a] of accounts) {
      const user = await tx.user.create({
        data: {
          username: a.username,
          displayName: a.displayName,
          unitId: root.id,
          adminRole: role,
          clearance: 1,
          passwordHash: '',
          passwordChangedAt: now,
          // The person running setup chose the other duties' passwords; their holders must replace them.
          mustChangePassword: role !== 'system',
          createdAt: now,
          updatedAt: now,
        },
      });
      const hash = await storeNewPassword(tx, user.id, a.password, now);
      await tx.user.update({ where: { id: user.id }, data: { passwordHash: hash } });
      await recordAudit(tx, ctx, {
        action: 'user.create',
        resourceType: 'user',
        resourceId: user.id,
        detail: { username: a.username, roles: [`${role}_admin`], via: 'setup' },
      });
    }
    await recordAudit(tx, ctx, {
      action: 'setup.administrators',
      resourceType: 'system',
      resourceId: root.id,
      detail: { organisationUnitId: root.id },
    });
  });
}
