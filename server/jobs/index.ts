// The scheduled work of one process: started once the app is ready, stopped before the services under it close.
import type { Services } from '../services.ts';
import { MeetingReminderJob } from './meetingReminders.ts';
import { SupervisionWarnings } from './supervisionWarnings.ts';

export class Jobs {
  readonly supervisionWarnings: SupervisionWarnings;
  readonly meetingReminders: MeetingReminderJob;

  constructor(private readonly svc: Services) {
    this.supervisionWarnings = new SupervisionWarnings(svc);
    this.meetingReminders = new MeetingReminderJob(svc);
  }

  start(): void {
    this.svc.auditHead.watch();
    this.supervisionWarnings.start();
    this.meetingReminders.start();
  }

  async stop(): Promise<void> {
    await this.meetingReminders.stop();
    await this.supervisionWarnings.stop();
    await this.svc.auditHead.stop();
  }
}
