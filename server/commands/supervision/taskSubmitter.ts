// The lead unit submits the task for acceptance (提请验收) with its evidence; a co-unit cannot. Submitting after the
// deadline in force counts the days late, and the worst lateness is what the statistics see.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { daysLate } from '../../domain/supervision/deadlines.ts';
import type { Services } from '../../services.ts';
import { claimAttachments } from './attachmentClaim.ts';
import { moveTask } from './taskMove.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { recordEvent } from './taskTimeline.ts';
import { runTaskAction } from './taskAction.ts';

export async function submitTask(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  input: { summary: string; attachmentIds?: string[] },
): Promise<{ daysLate: number }> {
  return runTaskAction(svc, subject, taskId, 'submit', async (tx, task, to) => {
    const late = daysLate(task.deadlineAt, ctx.at);
    await moveTask(tx, task, { status: to, submittedAt: ctx.at, lateDays: Math.max(task.lateDays, late) }, ctx.at);
    const eventId = await recordEvent(tx, ctx, taskId, {
      kind: 'submitted',
      text: input.summary,
      unitId: subject.unitId,
      detail: { daysLate: late },
    });
    await claimAttachments(tx, taskId, subject.id, input.attachmentIds ?? [], eventId);
    await recordAudit(tx, ctx, {
      action: 'supervision.submit',
      resourceType: 'supervision_task',
      resourceId: taskId,
      detail: { daysLate: late, attachments: input.attachmentIds?.length ?? 0 },
    });
    const notices = await notifyAbout(
      svc,
      tx,
      ctx.at,
      task,
      [task.supervisorId],
      { kind: 'supervision.submitted', params: { late } },
      subject.id,
    );
    return { result: { daysLate: late }, notices };
  });
}
