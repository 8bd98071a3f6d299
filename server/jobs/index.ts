// The scheduled work of one process: started once the app is ready, stopped before the services under it close.
import type { Services } from '../services.ts';
import { AtRestReseal } from './atRestReseal.ts';
import { MeetingReminderJob } from './meetingReminders.ts';
import { SupervisionWarnings } from './supervisionWarnings.ts';

export class Jobs {
  readonly supervisionWarnings: SupervisionWarnings;
  readonly meetingReminders: MeetingReminderJob;
  readonly atRestReseal: AtRestReseal;

  constructor(private readonly svc: Services) {
    this.supervisionWarnings = new SupervisionWarnings(svc);
    this.meetingReminders = new MeetingReminderJob(svc);
    this.atRestReseal = new AtRestReseal(svc);
  }

  start(): void {
    this.svc.auditHead.watch();
    this.supervisionWarnings.start();
    this.meetingReminders.start();
    this.atRestReseal.start();
  }

  async stop(): Promise<void> {
    await this.atRestReseal.stop();
    await this.meetingReminders.stop();
    await this.supervisionWarnings.stop();
    await this.svc.auditHead.stop();
  }
}
