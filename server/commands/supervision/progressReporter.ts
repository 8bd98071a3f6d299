// Progress reports (进展报送): text, a percentage and attachments. A report from the lead unit's side moves the task's
// progress; a co-unit's report records its contribution on the timeline.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Services } from '../../services.ts';
import { claimAttachments } from './attachmentClaim.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { recordEvent } from './taskTimeline.ts';
import { runTaskAction } from './taskAction.ts';

export interface ProgressReport {
  text: string;
  percent: number;
  attachmentIds?: string[];
}

export async function reportProgress(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  input: ProgressReport,
): Promise<{ eventId: string }> {
  return runTaskAction(svc, subject, taskId, 'report_progress', async (tx, task) => {
    const forLead = subject.unitId === task.leadUnitId;
    const eventId = await recordEvent(tx, ctx, taskId, {
      kind: 'progress',
      text: input.text,
      percent: input.percent,
      unitId: subject.unitId,
    });
    await claimAttachments(tx, taskId, subject.id, input.attachmentIds ?? [], eventId);
    await tx.supervisionTask.update({
      where: { id: taskId },
      data: { ...(forLead ? { progress: input.percent } : {}), updatedAt: ctx.at },
    });
    await recordAudit(tx, ctx, {
      action: 'supervision.progress',
      resourceType: 'supervision_task',
      resourceId: taskId,
      detail: { percent: input.percent, unitId: subject.unitId, attachments: input.attachmentIds?.length ?? 0 },
    });
    const notices = await notifyAbout(
      svc,
      tx,
      ctx.at,
      task,
      [task.supervisorId, ...(forLead ? [] : [task.ownerId])],
      { kind: 'supervision.progress', params: { percent: input.percent } },
      subject.id,
    );
    return { result: { eventId }, notices };
  });
}
