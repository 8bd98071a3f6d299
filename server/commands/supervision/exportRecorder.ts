// Records in the audit log that someone exported supervision data (a task list or the statistics) as a workbook.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Services } from '../../services.ts';

export async function recordExport(
  svc: Services,
  ctx: RequestContext,
  action: 'supervision.export_statistics' | 'supervision.export_list',
  detail: Record<string, unknown>,
): Promise<void> {
  await inTransaction(svc, (tx) => recordAudit(tx, ctx, { action, resourceType: 'supervision', detail }));
}
