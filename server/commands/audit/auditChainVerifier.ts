// Re-computes the audit log's hash chain on request, compares its end with the head checkpoint kept outside the
// database, and records that it was checked, with the verdict.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { readCheckpoint } from '../../audit/headCheckpoint.ts';
import { verifyAuditTrail, type TrailVerdict } from '../../audit/verifyChain.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Services } from '../../services.ts';

export async function verifyAuditLog(svc: Services, ctx: RequestContext): Promise<TrailVerdict> {
  const verdict = await verifyAuditTrail(
    svc.db,
    svc.keys.audit,
    readCheckpoint(svc.config.auditHeadFile, svc.keys.audit),
  );
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
