// Step deadline reminders of 公文 routes (办理时限): each handler of a timed step is reminded on the working day before
// its due date and once when it is overdue, in-app (only if they may still read the 公文) and through the notice
// channel. Everything it knows is in the database (one OfficialDocumentReminder row per handler, step, kind and due
// date), so a restart neither repeats nor loses one: a run after downtime sends what is owed today. Runs on a timer and
// on demand (tests tick it on a controlled clock).
import { shanghaiDateOf } from '../../common/calendar/isoDate.ts';
import { Prisma } from '../../prisma/generated/client.ts';
import { recordAudit, type RequestContext } from '../audit/auditLog.ts';
import { officialDocLink } from '../commands/officialDocs/officialDocUrger.ts';
import { recordTrail } from '../commands/officialDocs/trail.ts';
import { inTransaction } from '../db/transaction.ts';
import { owedStepReminder, stepDueOn, type OwedStepReminder } from '../domain/officialDocs/stepDeadlines.ts';
import type { Route } from '../domain/officialDocs/vocabulary.ts';
import { announce } from '../notifications/announce.ts';
import { notice } from '../notifications/notificationHub.ts';
import type { Services } from '../services.ts';
import { PeriodicJob } from './periodicJob.ts';

const BATCH = 200;

export interface OfficialDocTickResult {
  /** Reminders sent in this run (one per handler and step). */
  sent: number;
  /** Of which delivered in-app (a handler who may no longer read the 公文 gets nothing). */
  notifications: number;
}

interface Owed {
  officialDocumentId: string;
  stepId: string;
  userId: string;
  dueOn: string;
  reminder: OwedStepReminder;
}

export class OfficialDocReminders extends PeriodicJob<OfficialDocTickResult> {
  constructor(svc: Services) {
    super(svc, () => svc.config.officialDocTickSeconds, 'official document reminders');
  }

  protected async runOnce(): Promise<OfficialDocTickResult> {
    const { db, clock } = this.svc;
    const now = clock.now();
    const today = shanghaiDateOf(now);
    const result: OfficialDocTickResult = { sent: 0, notifications: 0 };
    let cursor = '';
    for (;;) {
      // The 公文 in their route with a timed step: the handlers waiting now, on a step that has a deadline.
      const docs = await db.officialDocument.findMany({
        where: { status: 'in_route', id: { gt: cursor }, waiting: { some: {} } },
        orderBy: { id: 'asc' },
        take: BATCH,
        select: { id: true, waiting: { select: { userId: true, stepId: true, since: true } } },
      });
      if (docs.length === 0) break;
      cursor = docs[docs.length - 1]!.id;
      const deadlines = await db.officialDocumentStepDeadline.findMany({
        where: { officialDocumentId: { in: docs.map((d) => d.id) } },
      });
      const days = new Map(deadlines.map((d) => [`${d.officialDocumentId} ${d.stepId}`, d.workingDays]));
      const owed: Owed[] = docs.flatMap((doc) =>
        doc.waiting.flatMap((h) => {
          const workingDays = days.get(`${doc.id} ${h.stepId}`);
          if (workingDays === undefined) return [];
          const dueOn = stepDueOn(shanghaiDateOf(h.since), workingDays);
          const reminder = owedStepReminder(dueOn, today);
          return reminder ? [{ officialDocumentId: doc.id, stepId: h.stepId, userId: h.userId, dueOn, reminder }] : [];
        }),
      );
      if (owed.length > 0) {
        const sent = await db.officialDocumentReminder.findMany({
          where: { officialDocumentId: { in: [...new Set(owed.map((o) => o.officialDocumentId))] } },
          select: { officialDocumentId: true, stepId: true, userId: true, kind: true, dueOn: true },
        });
        const done = new Set(sent.map((r) => `${r.officialDocumentId} ${r.stepId} ${r.userId} ${r.kind} ${r.dueOn}`));
        for (const o of owed) {
          if (done.has(`${o.officialDocumentId} ${o.stepId} ${o.userId} ${o.reminder.kind} ${o.dueOn}`)) continue;
          const count = await this.send(o, now);
          if (count !== null) {
            result.sent += 1;
            result.notifications += count;
          }
        }
      }
      if (docs.length < BATCH) break;
    }
    if (result.sent > 0) this.svc.log.info({ ...result, today }, 'official document reminders sent');
    return result;
  }

  /** Sends one reminder in its own transaction; null when another run (or instance) sent it first. */
  private async send(o: Owed, now: Date): Promise<number | null> {
    const svc = this.svc;
    const ctx: RequestContext = {
      actor: null,
      ip: '',
      userAgent: 'tongban-scheduler',
      at: now,
      auditKey: svc.keys.audit,
    };
    const kind = o.reminder.kind;
    try {
      const delivered = await inTransaction(svc, async (tx) => {
        const key = {
          officialDocumentId: o.officialDocumentId,
          stepId: o.stepId,
          userId: o.userId,
          kind,
          dueOn: o.dueOn,
        };
        if (
          await tx.officialDocumentReminder.findUnique({ where: { officialDocumentId_stepId_userId_kind_dueOn: key } })
        )
          return null;
        const doc = await tx.officialDocument.findUniqueOrThrow({
          where: { id: o.officialDocumentId },
          select: { route: true, document: { select: { title: true, classification: true } } },
        });
        const step = (JSON.parse(doc.route) as Route).steps.find((s) => s.id === o.stepId);
        const about = { kind: 'officialDoc' as const, id: o.officialDocumentId, at: now };
        const link = officialDocLink(o.officialDocumentId);
        const params = { document: doc.document.title, step: step?.name ?? '' };
        const created = await svc.notifications.create(
          tx,
          [
            kind === 'overdue'
              ? notice(
                  o.userId,
                  'officialDoc.overdue',
                  { ...params, days: o.reminder.days, deadline: o.dueOn },
                  link,
                  about,
                )
              : notice(
                  o.userId,
                  'officialDoc.due_soon',
                  { ...params, due: { days: o.reminder.days, deadline: o.dueOn } },
                  link,
                  about,
                ),
          ],
          now,
        );
        await tx.officialDocumentReminder.create({ data: { ...key, sentAt: now } });
        await recordTrail(tx, {
          officialDocumentId: o.officialDocumentId,
          kind: kind === 'overdue' ? 'overdue' : 'reminded',
          userId: null,
          stepId: o.stepId,
          detail: { to: o.userId, deadline: o.dueOn, notified: created.length },
          at: now,
        });
        await recordAudit(tx, ctx, {
          action: 'officialDoc.deadline_reminder',
          resourceType: 'official_document',
          resourceId: o.officialDocumentId,
          detail: { kind, step: o.stepId, to: o.userId, dueOn: o.dueOn, delivered: created.length },
        });
        return { created, classification: doc.document.classification };
      });
      if (delivered === null) return null;
      await announce(svc, delivered.created, delivered.classification);
      return delivered.created.length;
    } catch (err) {
      // The key is the last line of defence against a second instance sending the same reminder.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return null;
      throw err;
    }
  }
}
