// Key rotation for encryption at rest (the security administrator's, or an operator's at the CLI): a new key
// version becomes current at once for everything sealed from now on; the re-seal job then moves existing values to
// it and retires the old versions. Audited.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Services } from '../../services.ts';

export async function rotateAtRestKey(svc: Services, ctx: RequestContext): Promise<{ id: number; previous: number }> {
  const rotated = svc.keys.atRest.rotate(ctx.at);
  await inTransaction(svc, (tx) =>
    recordAudit(tx, ctx, {
      action: 'key.rotate',
      resourceType: 'key',
      resourceId: `at-rest:${rotated.id}`,
      detail: { keyVersion: rotated.id, previous: rotated.previous, cipher: svc.keys.atRest.cipher },
    }),
  );
  return rotated;
}
