// What the security and audit administrators need to see of the installation's own safeguards: where the keys, the
// audit head checkpoint and the backups sit (the warnings the start logs), the audit head's state, and the backups.
import { listBackups } from '../../backup/retention.ts';
import type { AnchorState } from '../../audit/headAnchor.ts';
import type { CoreServices } from '../../coreServices.ts';
import { keyPlacementWarnings, type KeyPlacementWarning } from '../../security/keyPlacement.ts';

export interface SecurityStatus {
  warnings: KeyPlacementWarning[];
  auditHead: AnchorState;
  backups: { at: string | null; keep: number; count: number; newestAt: string | null };
}

export function securityStatus(svc: Pick<CoreServices, 'config' | 'auditHead'>): SecurityStatus {
  const { config } = svc;
  const backups = listBackups(config.backupDir);
  return {
    warnings: keyPlacementWarnings(config),
    auditHead: svc.auditHead.state,
    backups: {
      at: config.backupAt,
      keep: config.backupKeep,
      count: backups.length,
      newestAt: backups[0]?.createdAt.toISOString() ?? null,
    },
  };
}
