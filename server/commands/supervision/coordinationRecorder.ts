// The supervisor records how a coordination request was settled (协调结果), closing it.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { Conflict, NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { recordEvent } from './taskTimeline.ts';
import { runTaskAction } from './taskAction.ts';
import { unitHandlers } from '../../queries/units/unitHandlers.ts';

export async function recordCoordination(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  coordinationId: string,
  outcome: string,
): Promise<void> {
  await runTaskAction(svc, subject, taskId, 'record_coordination', async (tx, task) => {
    const row = await tx.supervisionCoordination.findFirst({ where: { id: coordinationId, taskId } });
    if (!row) throw new NotFound('coordination request');
    if (row.status !== 'open')
      throw new Conflict('coordination_closed', 'This coordination request already has its outcome');
    await tx.supervisionCoordination.update({
      where: { id: row.id },
      data: { status: 'resolved', outcome, resolvedById: subject.id, resolvedAt: ctx.at },
    });
    await tx.supervisionTask.update({ where: { id: taskId }, data: { updatedAt: ctx.at } });
    await recordEvent(tx, ctx, taskId, {
      kind: 'coordination_recorded',
      text: outcome,
      detail: { coordinationId: row.id },
    });
    await recordAudit(tx, ctx, {
      action: 'supervision.coordination_record',
      resourceType: 'supervision_task',
      resourceId: taskId,
      detail: { coordinationId: row.id },
    });
    const helpers = (
      await Promise.all((JSON.parse(row.unitIds) as string[]).map((u) => unitHandlers(tx, u, task.classification)))
    ).flat();
    const notices = await notifyAbout(
      svc,
      tx,
      ctx.at,
      task,
      [row.raisedById, task.ownerId, ...helpers],
      { kind: 'supervision.coordination_recorded', params: { outcome: outcome.slice(0, 60) } },
      subject.id,
    );
    return { result: undefined, notices };
  });
}
