// The scheduled work of one process: started once the app is ready, stopped before the services under it close.
import type { Services } from '../services.ts';
import { MeetingReminderJob } from './meetingReminders.ts';
import { SupervisionWarnings } from './supervisionWarnings.ts';

export class Jobs {
  readonly supervisionWarnings: SupervisionWarnings;
  readonly meetingReminders: MeetingReminderJob;

  constructor(svc: Services) {
    this.supervisionWarnings = new SupervisionWarnings(svc);
    this.meetingReminders = new MeetingReminderJob(svc);
  }

  start(): void {
    this.supervisionWarnings.start();
    this.meetingReminders.start();
  }

  async stop(): Promise<void> {
    await this.meetingReminders.stop();
    await this.supervisionWarnings.stop();
  }
}
