// Shared by the commands that set a password: policy check and the no-reuse-of-last-five rule.
import type { Tx } from '../../db/client.ts';
import { PASSWORD_HISTORY_DEPTH, passwordProblems } from '../../domain/passwordPolicy.ts';
import { BadRequest } from '../../errors.ts';
import { hashPassword, verifyPassword } from '../../security/passwordHash.ts';

export function assertPasswordAcceptable(password: string, username: string, minLength: number): void {
  const problems = passwordProblems(password, username, minLength);
  if (problems.length > 0) {
    throw new BadRequest('weak_password', `Password does not meet the policy: ${problems.join(', ')}`, {
      problems,
      minLength,
    });
  }
}

/** Hashes the new password after checking it against the last five; records it in the history. */
export async function storeNewPassword(tx: Tx, userId: string, password: string, at: Date): Promise<string> {
  const history = await tx.passwordHistory.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    take: PASSWORD_HISTORY_DEPTH,
  });
  for (const old of history) {
    if (await verifyPassword(old.hash, password)) {
      throw new BadRequest('password_reused', `The new password must differ from the last ${PASSWORD_HISTORY_DEPTH}`);
    }
  }
  const hash = await hashPassword(password);
  await tx.passwordHistory.create({ data: { userId, hash, createdAt: at } });
  const stale = await tx.passwordHistory.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    skip: PASSWORD_HISTORY_DEPTH,
    select: { id: true },
  });
  if (stale.length > 0) await tx.passwordHistory.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
  return hash;
}
