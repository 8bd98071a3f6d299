// Scheduled encrypted backups: once a day at TONGBAN_BACKUP_AT (China time) into TONGBAN_BACKUP_DIR, keeping the newest
// TONGBAN_BACKUP_KEEP. It looks once a minute on the application clock and catches up after downtime (a backup owed
// since the newest one is made at start); tests call tick() after moving the clock, never waiting on wall time.
import type { RequestContext } from '../audit/auditLog.ts';
import { listBackups, pruneBackups } from '../backup/retention.ts';
import { createBackup } from '../commands/system/backupCreator.ts';
import { backupDue } from '../domain/backups/backupSchedule.ts';
import type { Services } from '../services.ts';
import { PeriodicJob } from './periodicJob.ts';

export const BACKUP_TICK_MS = 60_000;

export interface BackupRun {
  /** The backup made, if one was due. */
  made: string | null;
  /** Backups removed by retention. */
  pruned: string[];
}

export class ScheduledBackups extends PeriodicJob<BackupRun | null> {
  private readonly startedAt: Date;

  constructor(svc: Services) {
    super(svc, () => (svc.config.backupAt === null ? 0 : BACKUP_TICK_MS / 1000), 'scheduled backup');
    this.startedAt = svc.clock.now();
  }

  protected async runOnce(): Promise<BackupRun | null> {
    const { config, clock } = this.svc;
    if (config.backupAt === null) return null;
    const now = clock.now();
    const newest = listBackups(config.backupDir)[0]?.createdAt ?? null;
    if (!backupDue(now, config.backupAt, newest, this.startedAt)) return { made: null, pruned: [] };
    const ctx: RequestContext = {
      actor: null,
      ip: '',
      userAgent: 'tongban-backups',
      at: now,
      auditKey: this.svc.keys.audit,
    };
    const made = await createBackup(this.svc, ctx, { trigger: 'scheduled' });
    const pruned = pruneBackups(config.backupDir, config.backupKeep);
    this.svc.log.info({ backup: made.name, files: Object.keys(made.manifest.files).length, pruned }, 'backup written');
    return { made: made.name, pruned };
  }
}
