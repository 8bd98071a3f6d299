// Makes an encrypted backup (backup/backupWriter.ts), by an operator or the schedule, and records it in the audit
// trail (by its name, the number of files and the audit head it holds), or records that it failed.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { writeBackup, type BackupResult } from '../../backup/backupWriter.ts';
import type { Manifest } from '../../backup/manifest.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Services } from '../../services.ts';

export async function createBackup(
  svc: Services,
  ctx: RequestContext,
  options: { root?: string; trigger: Manifest['trigger'] },
): Promise<BackupResult> {
  let result: BackupResult;
  try {
    result = await writeBackup(svc, options.root ?? svc.config.backupDir, options.trigger);
  } catch (err) {
    await inTransaction(svc, (tx) =>
      recordAudit(tx, ctx, {
        action: 'system.backup',
        resourceType: 'backup',
        outcome: 'failure',
        detail: { trigger: options.trigger },
      }),
    );
    throw err;
  }
  await inTransaction(svc, (tx) =>
    recordAudit(tx, ctx, {
      action: 'system.backup',
      resourceType: 'backup',
      resourceId: result.name,
      detail: {
        trigger: options.trigger,
        files: Object.keys(result.manifest.files).length,
        bytes: result.bytes,
        auditHeadSeq: result.manifest.auditHead?.seq ?? null,
      },
    }),
  );
  return result;
}
