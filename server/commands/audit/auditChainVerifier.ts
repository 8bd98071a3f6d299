// Re-computes the audit log's hash chain on request and records that it was checked, with the verdict.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { verifyAuditChain } from '../../audit/verifyChain.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Services } from '../../services.ts';

export async function verifyAuditLog(
  svc: Services,
  ctx: RequestContext,
): Promise<Awaited<ReturnType<typeof verifyAuditChain>>> {
  const verdict = await verifyAuditChain(svc.db, svc.keys.audit);
  await inTransaction(svc, (tx) =>
    recordAudit(tx, ctx, {
      action: 'audit.verify',
      resourceType: 'audit',
      outcome: verdict.ok ? 'success' : 'failure',
      detail: verdict.ok ? { events: verdict.events } : { brokenAt: verdict.brokenAt },
    }),
  );
  return verdict;
}
