// A unit signs for its part of a task (签收): the lead unit's clerk or leader takes the task on (待签收 → 办理中);
// a co-unit's clerk or leader signs for its contribution.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { Conflict } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { moveTask } from './taskMove.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { recordEvent } from './taskTimeline.ts';
import { runTaskAction } from './taskAction.ts';

export async function signTask(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  note = '',
): Promise<{ part: 'lead' | 'co' }> {
  const asLead = (await svc.db.supervisionTask.count({ where: { id: taskId, leadUnitId: subject.unitId } })) === 1;
  if (asLead) {
    return runTaskAction(svc, subject, taskId, 'sign', async (tx, task, to) => {
      await moveTask(tx, task, { status: to, signedAt: ctx.at, signedById: subject.id }, ctx.at);
      await recordEvent(tx, ctx, task.id, { kind: 'signed', text: note, unitId: subject.unitId });
      await recordAudit(tx, ctx, { action: 'supervision.sign', resourceType: 'supervision_task', resourceId: task.id });
      const notices = await notifyAbout(
        svc,
        tx,
        ctx.at,
        task,
        [task.supervisorId],
        { kind: 'supervision.signed', params: {} },
        subject.id,
      );
      return { result: { part: 'lead' as const }, notices };
    });
  }
  return runTaskAction(svc, subject, taskId, 'co_sign', async (tx, task) => {
    const part = task.coUnits.find((u) => u.unitId === subject.unitId);
    if (part?.signedAt) throw new Conflict('already_signed', 'Your unit has already signed for its part');
    await tx.supervisionTaskUnit.update({
      where: { taskId_unitId: { taskId, unitId: subject.unitId } },
      data: { signedAt: ctx.at, signedById: subject.id },
    });
    await tx.supervisionTask.update({ where: { id: taskId }, data: { updatedAt: ctx.at } });
    await recordEvent(tx, ctx, task.id, { kind: 'co_signed', text: note, unitId: subject.unitId });
    await recordAudit(tx, ctx, {
      action: 'supervision.co_sign',
      resourceType: 'supervision_task',
      resourceId: task.id,
      detail: { unitId: subject.unitId },
    });
    return { result: { part: 'co' as const }, notices: [] };
  });
}
