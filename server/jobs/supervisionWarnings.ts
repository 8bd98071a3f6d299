// Deadline warnings for supervision tasks: reminders N working days before the deadline in force and one overdue
// warning a day, to the owner, the lead unit's head and the supervisor, in-app and live. Everything it knows is in
// the database (one SupervisionReminder row per task, kind and date), so a restart neither repeats nor loses one: a
// run after downtime sends what is owed today. Runs on a timer and on demand (tests tick it deterministically).
import { Prisma } from '../../prisma/generated/client.ts';
import { recordAudit, type RequestContext } from '../audit/auditLog.ts';
import { chinaToday, deadlineDate, endOfChinaDay } from '../domain/supervision/deadlines.ts';
import { owedReminder, reminderHorizon, type OwedReminder } from '../domain/supervision/reminderPlan.ts';
import { OPEN_STATUSES } from '../domain/supervision/vocabulary.ts';
import type { Services } from '../services.ts';
import { PeriodicJob } from './periodicJob.ts';
import { inTransaction } from '../db/transaction.ts';
import { notifyAbout } from '../notifications/taskNotices.ts';
import { recordEvent } from '../commands/supervision/taskTimeline.ts';
import { unitHandlers, unitLeaders } from '../queries/units/unitHandlers.ts';

const BATCH = 200;

export interface TickResult {
  /** Reminders and warnings sent in this run (one per task). */
  sent: number;
  /** Notifications written (one per recipient). */
  notifications: number;
}

interface Candidate {
  id: string;
  title: string;
  dueDate: string;
  rectifyDueDate: string | null;
  ownerId: string | null;
  leadUnitId: string;
  supervisorId: string;
  classification: number;
}

export class SupervisionWarnings extends PeriodicJob<TickResult> {
  constructor(svc: Services) {
    super(svc, () => svc.config.supervisionTickSeconds, 'supervision warnings');
  }

  protected async runOnce(): Promise<TickResult> {
    const { db, clock, config } = this.svc;
    const now = clock.now();
    const today = chinaToday(now);
    const offsets = config.supervisionReminderDays;
    const horizonAt = endOfChinaDay(reminderHorizon(today, offsets));
    const result: TickResult = { sent: 0, notifications: 0 };
    let cursor = '';
    for (;;) {
      const batch: Candidate[] = await db.supervisionTask.findMany({
        where: {
          status: { in: [...OPEN_STATUSES] },
          deadlineAt: { lte: horizonAt },
          id: { gt: cursor },
          // Tasks already warned today are the bulk of a busy day's overdue list: leave them out in SQL.
          reminders: { none: { kind: 'overdue', date: today } },
        },
        orderBy: { id: 'asc' },
        take: BATCH,
        select: {
          id: true,
          title: true,
          dueDate: true,
          rectifyDueDate: true,
          ownerId: true,
          leadUnitId: true,
          supervisorId: true,
          classification: true,
        },
      });
      if (batch.length === 0) break;
      cursor = batch[batch.length - 1]!.id;
      const owed = batch.flatMap((task) => {
        const reminder = owedReminder(deadlineDate(task), today, offsets);
        return reminder ? [{ task, reminder }] : [];
      });
      const sent = await db.supervisionReminder.findMany({
        where: { taskId: { in: owed.map((o) => o.task.id) } },
        select: { taskId: true, kind: true, date: true },
      });
      const done = new Set(sent.map((r) => `${r.taskId} ${r.kind} ${r.date}`));
      for (const { task, reminder } of owed) {
        if (done.has(`${task.id} ${reminder.kind} ${reminder.date}`)) continue;
        const count = await this.send(task, reminder, now);
        if (count !== null) {
          result.sent += 1;
          result.notifications += count;
        }
      }
      if (batch.length < BATCH) break;
    }
    if (result.sent > 0) this.svc.log.info({ ...result, today }, 'supervision warnings sent');
    return result;
  }

  /** Sends one reminder in its own transaction; null when another run (or instance) sent it first. */
  private async send(task: Candidate, reminder: OwedReminder, now: Date): Promise<number | null> {
    const svc = this.svc;
    const ctx: RequestContext = {
      actor: null,
      ip: '',
      userAgent: 'tongban-scheduler',
      at: now,
      auditKey: svc.keys.audit,
    };
    const deadline = deadlineDate(task);
    try {
      const notices = await inTransaction(svc, async (tx) => {
        const key = { taskId_kind_date: { taskId: task.id, kind: reminder.kind, date: reminder.date } };
        if (await tx.supervisionReminder.findUnique({ where: key })) return null;
        const owner = task.ownerId ? [task.ownerId] : await unitHandlers(tx, task.leadUnitId, task.classification);
        const overdue = reminder.kind === 'overdue';
        const recipients = overdue
          ? [...owner, ...(await unitLeaders(tx, task.leadUnitId)), task.supervisorId]
          : [
              ...owner,
              ...(await tx.supervisionCoOwner.findMany({ where: { taskId: task.id }, select: { userId: true } })).map(
                (c) => c.userId,
              ),
            ];
        const items = overdue
          ? await notifyAbout(svc, tx, now, task, recipients, {
              kind: 'supervision.overdue',
              params: { days: reminder.days, deadline },
            })
          : await notifyAbout(svc, tx, now, task, recipients, {
              kind: 'supervision.due_soon',
              params: { due: { days: reminder.days, deadline } },
            });
        await tx.supervisionReminder.create({
          data: { ...key.taskId_kind_date, sentAt: now, recipients: items.length },
        });
        await recordEvent(tx, ctx, task.id, {
          kind: overdue ? 'overdue' : 'reminder',
          detail: { kind: reminder.kind, deadline, days: reminder.days },
        });
        await recordAudit(tx, ctx, {
          action: 'supervision.warning',
          resourceType: 'supervision_task',
          resourceId: task.id,
          detail: { kind: reminder.kind, date: reminder.date, recipients: items.length },
        });
        return items;
      });
      if (notices === null) return null;
      await svc.notifications.publish(notices);
      return notices.length;
    } catch (err) {
      // The unique key is the last line of defence against a second instance sending the same reminder.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return null;
      throw err;
    }
  }
}
