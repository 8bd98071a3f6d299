// Scheduled encrypted backups: once a day at TONGBAN_BACKUP_AT (China time) into TONGBAN_BACKUP_DIR, keeping the newest
// TONGBAN_BACKUP_KEEP. It looks once a minute on the application clock and catches up after downtime (a backup owed
// since the newest one is made at start); tests call runOnce() after moving the clock, never waiting on wall time.
import type { RequestContext } from '../audit/auditLog.ts';
import { listBackups, pruneBackups } from '../backup/retention.ts';
import { createBackup } from '../commands/system/backupCreator.ts';
import { backupDue } from '../domain/backups/backupSchedule.ts';
import type { Services } from '../services.ts';

export const BACKUP_TICK_MS = 60_000;

export interface BackupRun {
  /** The backup made, if one was due. */
  made: string | null;
  /** Backups removed by retention. */
  pruned: string[];
}

export class ScheduledBackups {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupRun | null> = Promise.resolve(null);
  private readonly startedAt: Date;

  constructor(private readonly svc: Services) {
    this.startedAt = svc.clock.now();
  }

  start(): void {
    if (this.timer || this.svc.config.backupAt === null) return;
    const run = () => {
      this.tick().catch((err: unknown) => this.svc.log.error({ err }, 'scheduled backup failed'));
    };
    run();
    this.timer = setInterval(run, BACKUP_TICK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running.catch((err: unknown) => this.svc.log.error({ err }, 'scheduled backup failed'));
  }

  /** One look; runs never overlap (a second caller waits for the first, then looks again). */
  tick(): Promise<BackupRun | null> {
    const next = this.running.catch(() => null).then(() => this.runOnce());
    this.running = next;
    return next;
  }

  private async runOnce(): Promise<BackupRun | null> {
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
