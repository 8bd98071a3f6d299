// The lead unit asks for more time (申请延期): a reason and a later date for the deadline in force; the task waits for
// the supervisor's decision (延期待批) while the work goes on.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { isValidIsoDate } from '../../../common/calendar/isoDate.ts';
import { deadlineDate } from '../../domain/supervision/deadlines.ts';
import { BadRequest } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { moveTask } from './taskMove.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { recordEvent } from './taskTimeline.ts';
import { runTaskAction } from './taskAction.ts';

export async function requestExtension(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  input: { reason: string; toDueDate: string },
): Promise<{ id: string }> {
  if (!isValidIsoDate(input.toDueDate))
    throw new BadRequest('invalid_due_date', 'The new date must be a calendar date YYYY-MM-DD');
  return runTaskAction(svc, subject, taskId, 'request_extension', async (tx, task, to) => {
    const from = deadlineDate(task);
    if (input.toDueDate <= from)
      throw new BadRequest('extension_not_later', `An extension must move the deadline past ${from}`);
    const ext = await tx.supervisionExtension.create({
      data: {
        taskId,
        requestedById: subject.id,
        reason: input.reason,
        fromDueDate: from,
        toDueDate: input.toDueDate,
        createdAt: ctx.at,
      },
    });
    await moveTask(tx, task, { status: to }, ctx.at);
    await recordEvent(tx, ctx, taskId, {
      kind: 'extension_requested',
      text: input.reason,
      unitId: subject.unitId,
      detail: { extensionId: ext.id, from, to: input.toDueDate },
    });
    await recordAudit(tx, ctx, {
      action: 'supervision.extension_request',
      resourceType: 'supervision_task',
      resourceId: taskId,
      detail: { extensionId: ext.id, from, to: input.toDueDate },
    });
    const notices = await notifyAbout(
      svc,
      tx,
      ctx.at,
      task,
      [task.supervisorId],
      { kind: 'supervision.extension_requested', params: { dueDate: input.toDueDate } },
      subject.id,
    );
    return { result: { id: ext.id }, notices };
  });
}
