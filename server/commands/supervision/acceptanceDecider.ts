// The supervisor decides on a submitted task: accepted (验收通过 → 已办结, archived, counted in the statistics) or
// returned for rectification (退回整改) with what must be put right and a new deadline for resubmission.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { isValidIsoDate } from '../../../common/calendar/isoDate.ts';
import { chinaToday, deadlineColumns, isPastDate } from '../../domain/supervision/deadlines.ts';
import { BadRequest } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { bumpUnitMonth } from './unitMonthCounters.ts';
import { moveTask } from './taskMove.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { recordEvent } from './taskTimeline.ts';
import { runTaskAction } from './taskAction.ts';
import { unitHandlers } from '../../queries/units/unitHandlers.ts';

export type AcceptanceDecision =
  { accept: true; note?: string } | { accept: false; requirement: string; dueDate: string };

export async function decideAcceptance(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  decision: AcceptanceDecision,
): Promise<void> {
  if (!decision.accept) {
    if (!isValidIsoDate(decision.dueDate))
      throw new BadRequest('invalid_due_date', 'The new deadline must be a calendar date YYYY-MM-DD');
    if (isPastDate(decision.dueDate, ctx.at))
      throw new BadRequest(
        'due_date_past',
        `The new deadline ${decision.dueDate} has already passed (today is ${chinaToday(ctx.at)})`,
      );
  }
  await runTaskAction(svc, subject, taskId, decision.accept ? 'accept' : 'return', async (tx, task, to) => {
    const recipients = [
      task.ownerId,
      ...task.coOwners.map((c) => c.userId),
      ...(await unitHandlers(tx, task.leadUnitId, task.classification)),
    ];
    if (decision.accept) {
      await moveTask(tx, task, { status: to, completedAt: ctx.at, progress: 100 }, ctx.at);
      await bumpUnitMonth(tx, task.leadUnitId, task.month, {
        completed: 1,
        completedOnTime: task.lateDays === 0 ? 1 : 0,
        lateDaysTotal: task.lateDays,
      });
      await recordEvent(tx, ctx, taskId, {
        kind: 'accepted',
        text: decision.note ?? '',
        detail: { lateDays: task.lateDays },
      });
      await recordAudit(tx, ctx, {
        action: 'supervision.accept',
        resourceType: 'supervision_task',
        resourceId: taskId,
        detail: { lateDays: task.lateDays },
      });
      const notices = await notifyAbout(
        svc,
        tx,
        ctx.at,
        task,
        recipients,
        { kind: 'supervision.accepted', params: { note: decision.note ?? '' } },
        subject.id,
      );
      return { result: undefined, notices };
    }
    await moveTask(
      tx,
      task,
      {
        status: to,
        rectification: decision.requirement,
        rectifyDueDate: decision.dueDate,
        ...deadlineColumns(decision.dueDate),
        returnCount: { increment: 1 },
      },
      ctx.at,
    );
    await recordEvent(tx, ctx, taskId, {
      kind: 'returned',
      text: decision.requirement,
      detail: { dueDate: decision.dueDate },
    });
    await recordAudit(tx, ctx, {
      action: 'supervision.return',
      resourceType: 'supervision_task',
      resourceId: taskId,
      detail: { dueDate: decision.dueDate },
    });
    const notices = await notifyAbout(
      svc,
      tx,
      ctx.at,
      task,
      recipients,
      { kind: 'supervision.returned', params: { dueDate: decision.dueDate } },
      subject.id,
    );
    return { result: undefined, notices };
  });
}
