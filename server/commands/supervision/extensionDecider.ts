// The supervisor approves an extension (the deadline in force moves to the requested date) or refuses it (the
// deadline stands); either way the task is back in 办理中.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { deadlineColumns } from '../../domain/supervision/deadlines.ts';
import { InvalidState } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { moveTask } from './taskMove.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { recordEvent } from './taskTimeline.ts';
import { runTaskAction } from './taskAction.ts';
import { unitHandlers } from '../../queries/units/unitHandlers.ts';

export async function decideExtension(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  input: { approve: boolean; note?: string },
): Promise<void> {
  await runTaskAction(
    svc,
    subject,
    taskId,
    input.approve ? 'approve_extension' : 'refuse_extension',
    async (tx, task, to) => {
      const ext = await tx.supervisionExtension.findFirst({
        where: { taskId, status: 'pending' },
        orderBy: { createdAt: 'desc' },
      });
      if (!ext) throw new InvalidState('no_pending_extension', 'There is no extension request waiting for a decision');
      await tx.supervisionExtension.update({
        where: { id: ext.id },
        data: {
          status: input.approve ? 'approved' : 'refused',
          decidedById: subject.id,
          decidedAt: ctx.at,
          decisionNote: input.note ?? null,
        },
      });
      const moved = input.approve
        ? task.rectifyDueDate
          ? { rectifyDueDate: ext.toDueDate }
          : { dueDate: ext.toDueDate }
        : {};
      await moveTask(
        tx,
        task,
        { status: to, ...moved, ...(input.approve ? deadlineColumns(ext.toDueDate) : {}) },
        ctx.at,
      );
      await recordEvent(tx, ctx, taskId, {
        kind: input.approve ? 'extension_approved' : 'extension_refused',
        text: input.note ?? '',
        detail: { extensionId: ext.id, from: ext.fromDueDate, to: ext.toDueDate },
      });
      await recordAudit(tx, ctx, {
        action: input.approve ? 'supervision.extension_approve' : 'supervision.extension_refuse',
        resourceType: 'supervision_task',
        resourceId: taskId,
        detail: { extensionId: ext.id },
      });
      const recipients = [
        ext.requestedById,
        task.ownerId,
        ...(await unitHandlers(tx, task.leadUnitId, task.classification)),
      ];
      const notices = input.approve
        ? await notifyAbout(
            svc,
            tx,
            ctx.at,
            task,
            recipients,
            { kind: 'supervision.extension_approved', params: { dueDate: ext.toDueDate } },
            subject.id,
          )
        : await notifyAbout(
            svc,
            tx,
            ctx.at,
            task,
            recipients,
            { kind: 'supervision.extension_refused', params: { dueDate: ext.fromDueDate } },
            subject.id,
          );
      return { result: undefined, notices };
    },
  );
}
