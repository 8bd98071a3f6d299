// The scheduled work of one process: started once the app is ready, stopped before the services under it close.
import { RedisJobLease, type JobLease } from '../scaleOut/jobLease.ts';
import type { Services } from '../services.ts';
import { ArchiveJob } from './archiveJob.ts';
import { AtRestReseal } from './atRestReseal.ts';
import { MeetingReminderJob } from './meetingReminders.ts';
import { OcrRecognition } from './ocrRecognition.ts';
import { OfficialDocReminders } from './officialDocReminders.ts';
import { ScheduledBackups } from './scheduledBackups.ts';
import { SearchIndexer } from './searchIndexer.ts';
import { SupervisionWarnings } from './supervisionWarnings.ts';

export class Jobs {
  readonly supervisionWarnings: SupervisionWarnings;
  readonly archive: ArchiveJob;
  readonly meetingReminders: MeetingReminderJob;
  readonly backups: ScheduledBackups;
  readonly atRestReseal: AtRestReseal;
  readonly officialDocReminders: OfficialDocReminders;
  readonly searchIndexer: SearchIndexer;
  readonly ocr: OcrRecognition;
  /**
   * TONGBAN_REDIS_URL: the jobs that change shared data run on one instance at a time (server/scaleOut/jobLease.ts),
   * scheduled backups too (the instances share one database and one data directory: one backup of them is owed, not
   * one per instance). The search indexer keeps each instance's own index and runs everywhere.
   */
  readonly lease: JobLease | null;

  constructor(private readonly svc: Services) {
    this.supervisionWarnings = new SupervisionWarnings(svc);
    this.archive = new ArchiveJob(svc);
    this.meetingReminders = new MeetingReminderJob(svc);
    this.backups = new ScheduledBackups(svc);
    this.atRestReseal = new AtRestReseal(svc);
    this.officialDocReminders = new OfficialDocReminders(svc);
    this.searchIndexer = new SearchIndexer(svc);
    this.ocr = new OcrRecognition(svc);
    const { redisUrl, redisPrefix, jobLeaseSeconds } = svc.config;
    this.lease = redisUrl ? RedisJobLease.connect(redisUrl, redisPrefix, jobLeaseSeconds * 1000, svc.log) : null;
    if (this.lease)
      for (const job of [
        this.supervisionWarnings,
        this.archive,
        this.meetingReminders,
        this.backups,
        this.atRestReseal,
        this.officialDocReminders,
        this.ocr,
      ])
        job.useLease(this.lease);
  }

  start(): void {
    this.svc.auditHead.watch();
    this.supervisionWarnings.start();
    this.archive.start();
    this.meetingReminders.start();
    this.backups.start();
    this.atRestReseal.start();
    this.officialDocReminders.start();
    this.searchIndexer.start();
    this.ocr.start();
  }

  async stop(): Promise<void> {
    await this.ocr.stop();
    await this.searchIndexer.stop();
    await this.backups.stop();
    await this.atRestReseal.stop();
    await this.officialDocReminders.stop();
    await this.meetingReminders.stop();
    await this.archive.stop();
    await this.supervisionWarnings.stop();
    await this.svc.auditHead.stop();
    await this.lease?.close();
  }

  /** Stops every timer and leaves the leases to expire, as an instance that dies does (tests of the takeover). */
  async abandon(): Promise<void> {
    this.lease?.abandon();
    await this.stop();
  }
}
