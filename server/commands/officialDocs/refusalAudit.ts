// Bad input to a 办文 command changes nothing and is still audited: the refusal is recorded (outcome failure, its
// code) in a transaction of its own, then answered.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import type { Services } from '../../services.ts';

export async function auditingRefusals<T>(
  svc: Services,
  ctx: RequestContext,
  entry: { action: string; resourceType: string; resourceId: string | null },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.statusCode < 500)
      await inTransaction(svc, (tx) =>
        recordAudit(tx, ctx, { ...entry, outcome: 'failure', detail: { code: err.code } }),
      );
    throw err;
  }
}
