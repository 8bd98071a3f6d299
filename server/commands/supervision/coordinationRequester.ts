// The lead unit raises a difficulty it cannot solve alone (协调申请), naming the units whose help it needs.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { BadRequest } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { recordEvent } from './taskTimeline.ts';
import { runTaskAction } from './taskAction.ts';

export async function requestCoordination(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  input: { difficulty: string; unitIds: string[] },
): Promise<{ id: string }> {
  return runTaskAction(svc, subject, taskId, 'request_coordination', async (tx, task) => {
    const unitIds = [...new Set(input.unitIds)];
    if ((await tx.unit.count({ where: { id: { in: unitIds } } })) !== unitIds.length)
      throw new BadRequest('unknown_unit', 'A named unit does not exist');
    const row = await tx.supervisionCoordination.create({
      data: {
        taskId,
        raisedById: subject.id,
        difficulty: input.difficulty,
        unitIds: JSON.stringify(unitIds),
        createdAt: ctx.at,
      },
    });
    await tx.supervisionTask.update({ where: { id: taskId }, data: { updatedAt: ctx.at } });
    await recordEvent(tx, ctx, taskId, {
      kind: 'coordination_requested',
      text: input.difficulty,
      unitId: subject.unitId,
      detail: { coordinationId: row.id, unitIds },
    });
    await recordAudit(tx, ctx, {
      action: 'supervision.coordination_request',
      resourceType: 'supervision_task',
      resourceId: taskId,
      detail: { coordinationId: row.id, unitIds },
    });
    const notices = await notifyAbout(
      svc,
      tx,
      ctx.at,
      task,
      [task.supervisorId],
      { kind: 'supervision.coordination_requested', params: { difficulty: input.difficulty.slice(0, 60) } },
      subject.id,
    );
    return { result: { id: row.id }, notices };
  });
}
