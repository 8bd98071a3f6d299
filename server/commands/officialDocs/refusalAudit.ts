// Bad input to a 办文 command changes nothing and is still audited: the refusal is recorded (outcome failure, its
// code) in a transaction of its own, then answered. A refusal to touch an object the caller may not read (Concealed)
// is not: it answers as if the object were missing, and the error handler records it as access.denied, nothing more.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, Concealed } from '../../errors.ts';
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
    if (err instanceof AppError && err.statusCode < 500 && !(err instanceof Concealed))
      await inTransaction(svc, (tx) =>
        recordAudit(tx, ctx, { ...entry, outcome: 'failure', detail: { code: err.code } }),
      );
    throw err;
  }
}
