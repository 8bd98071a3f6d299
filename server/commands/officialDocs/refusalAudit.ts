// Bad input to a 办文 command changes nothing and is still audited: the refusal is recorded (outcome failure, its
// code) in a transaction of its own, then answered. With `auditNotFound: false` a 404 is left to the error handler,
// which records an object the caller may not read (Concealed) as access.denied and nothing else, as the other
// supervision commands do: the refusal then names nothing of an object the caller may not know exists.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';

export async function auditingRefusals<T>(
  svc: Services,
  ctx: RequestContext,
  entry: { action: string; resourceType: string; resourceId: string | null },
  run: () => Promise<T>,
  options: { auditNotFound: boolean } = { auditNotFound: true },
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.statusCode < 500 && (options.auditNotFound || !(err instanceof NotFound)))
      await inTransaction(svc, (tx) =>
        recordAudit(tx, ctx, { ...entry, outcome: 'failure', detail: { code: err.code } }),
      );
    throw err;
  }
}
