// Reminders before meetings (会前提醒): every half minute, on the application clock, each scheduled meeting gets the
// reminder that is due (a day before, 15 minutes before, or whatever its organiser set); people who have not replied
// are asked to reply. Every reminder sent or skipped is recorded (MeetingReminder, unique per meeting, offset and
// start time) in the same transaction as its notifications, so a restart or a second instance never sends one twice,
// and a reschedule arms the reminders again for the new start.
import { recordAudit, type RequestContext } from '../audit/auditLog.ts';
import { announce } from '../notifications/announce.ts';
import { inTransaction } from '../db/transaction.ts';
import { dueReminder, MAX_REMINDER_MINUTES, type ReminderDecision } from '../domain/meetings/reminderPlan.ts';
import { meetingNotice } from '../notifications/meetingNotices.ts';
import type { NotificationView } from '../presenters/notification.ts';
import type { JobLease } from '../scaleOut/jobLease.ts';
import type { Services } from '../services.ts';

export const REMINDER_TICK_MS = 30_000;

export interface ReminderRun {
  meetings: number;
  notices: number;
}

export class MeetingReminderJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** With several instances (TONGBAN_REDIS_URL): a timed run goes ahead only on the instance holding the lease. */
  private lease: JobLease | null = null;

  constructor(private readonly svc: Services) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), REMINDER_TICK_MS);
    this.timer.unref();
    this.tick();
  }

  /** Stops the timer and waits for a run in progress, so closing the app never cuts a transaction short. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  useLease(lease: JobLease): void {
    this.lease = lease;
  }

  private tick(): void {
    if (this.running) return;
    const mine = this.lease ? this.lease.acquire('meeting reminders') : Promise.resolve(true);
    this.running = mine
      .then(async (go) => {
        if (go) await this.runOnce();
      })
      .then(
        () => undefined,
        (err: unknown) => this.svc.log.error({ err }, 'meeting reminders failed'),
      )
      .finally(() => {
        this.running = null;
      });
  }

  /** One pass over the meetings starting within the longest reminder horizon. Safe to call at any time, any number of times. */
  async runOnce(): Promise<ReminderRun> {
    const now = this.svc.clock.now();
    const candidates = await this.svc.db.meeting.findMany({
      where: {
        status: 'scheduled',
        startAt: { gt: now, lte: new Date(now.getTime() + MAX_REMINDER_MINUTES * 60_000) },
      },
      select: {
        id: true,
        startAt: true,
        reminderMinutes: true,
        scheduledAt: true,
        createdAt: true,
        reminders: { select: { offsetMinutes: true, startAt: true } },
      },
    });
    const run: ReminderRun = { meetings: 0, notices: 0 };
    for (const m of candidates) {
      const decision = decide(m, now);
      if (decision.send === null && decision.skip.length === 0) continue;
      const sent = await this.remind(m.id, now);
      if (sent > 0) run.meetings++;
      run.notices += sent;
    }
    return run;
  }

  private async remind(meetingId: string, now: Date): Promise<number> {
    const ctx: RequestContext = {
      actor: null,
      ip: '',
      userAgent: 'tongban-reminders',
      at: now,
      auditKey: this.svc.keys.audit,
    };
    const result = await inTransaction(this.svc, async (tx) => {
      // Read again inside the transaction: since the scan the meeting may have moved, been cancelled, or been reminded by another instance.
      const m = await tx.meeting.findUnique({
        where: { id: meetingId },
        include: {
          room: { select: { name: true, location: true } },
          participants: { select: { userId: true, rsvp: true } },
          reminders: { select: { offsetMinutes: true, startAt: true } },
        },
      });
      if (!m || m.status !== 'scheduled') return null;
      const decision = decide(m, now);
      if (decision.send === null && decision.skip.length === 0) return null;
      for (const offsetMinutes of decision.skip) {
        await tx.meetingReminder.create({
          data: { meetingId, offsetMinutes, startAt: m.startAt, sentAt: now, recipients: 0 },
        });
      }
      let created: NotificationView[] = [];
      if (decision.send !== null) {
        const offsetMinutes = decision.send;
        // Not those who said they will not come; those who have not replied are asked to.
        const recipients = m.participants.filter((p) => p.rsvp !== 'leave' && p.rsvp !== 'absent');
        created = await this.svc.notifications.create(
          tx,
          recipients.map((p) =>
            meetingNotice(p.userId, p.rsvp === 'pending' ? 'meeting.rsvp_reminder' : 'meeting.reminder', m, {
              offsetMinutes,
            }),
          ),
          now,
        );
        await tx.meetingReminder.create({
          data: { meetingId, offsetMinutes, startAt: m.startAt, sentAt: now, recipients: recipients.length },
        });
      }
      await recordAudit(tx, ctx, {
        action: 'meeting.remind',
        resourceType: 'meeting',
        resourceId: meetingId,
        detail: { offsetMinutes: decision.send, skipped: decision.skip, recipients: created.length },
      });
      return { created, classification: m.classification };
    });
    if (!result) return 0;
    await announce(this.svc, result.created, result.classification);
    return result.created.length;
  }
}

function decide(
  m: {
    startAt: Date;
    reminderMinutes: string;
    scheduledAt: Date | null;
    createdAt: Date;
    reminders: Array<{ offsetMinutes: number; startAt: Date }>;
  },
  now: Date,
): ReminderDecision {
  const done = new Set(
    m.reminders.filter((r) => r.startAt.getTime() === m.startAt.getTime()).map((r) => r.offsetMinutes),
  );
  return dueReminder(JSON.parse(m.reminderMinutes) as number[], m.startAt, m.scheduledAt ?? m.createdAt, now, done);
}
