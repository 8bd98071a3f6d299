// A unit hands its part of a task down to its own people (一级抓一级): the lead unit names the owner (承办人) and its
// co-owners, a co-unit names its co-owners. Nobody outside the unit can be assigned, nor anyone not cleared.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { BadRequest, Forbidden } from '../../errors.ts';
import { clearedFor } from '../../policies/predicates.ts';
import { assigningUnit } from '../../policies/supervision.ts';
import type { Services } from '../../services.ts';
import { factsOf } from '../../queries/supervision/taskFacts.ts';
import { moveTask } from './taskMove.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { recordEvent } from './taskTimeline.ts';
import { runTaskAction } from './taskAction.ts';

export interface Assignment {
  ownerId?: string;
  coOwnerIds?: string[];
}

export async function assignTask(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  input: Assignment,
): Promise<void> {
  await runTaskAction(svc, subject, taskId, 'assign', async (tx, task) => {
    const part = assigningUnit(subject, factsOf(task));
    if (!part) throw new Forbidden('task_forbidden', 'Only the clerks and leaders of a unit hand its work down');
    if (input.ownerId !== undefined && !part.lead)
      throw new Forbidden('task_forbidden', 'Only the lead unit names the owner; a co-unit names its co-owners');
    const coOwnerIds = input.coOwnerIds === undefined ? undefined : [...new Set(input.coOwnerIds)];
    const named = [...(input.ownerId ? [input.ownerId] : []), ...(coOwnerIds ?? [])];
    const people = await tx.user.findMany({
      where: { id: { in: named }, disabled: false, adminRole: null },
      select: { id: true, unitId: true, clearance: true },
    });
    for (const id of named) {
      const p = people.find((x) => x.id === id);
      if (!p || p.unitId !== part.unitId)
        throw new BadRequest(
          'assignee_outside_unit',
          'Work is handed down within the unit: every assignee must work in your unit',
        );
      if (!clearedFor(p, task.classification))
        throw new BadRequest('assignee_clearance', 'An assignee is not cleared for this classification');
    }
    if (input.ownerId && coOwnerIds?.includes(input.ownerId))
      throw new BadRequest('owner_is_co_owner', 'The owner cannot also be a co-owner');

    const before = new Set(task.coOwners.map((c) => c.userId));
    if (input.ownerId !== undefined) await moveTask(tx, task, { ownerId: input.ownerId }, ctx.at);
    else await tx.supervisionTask.update({ where: { id: taskId }, data: { updatedAt: ctx.at } });
    if (coOwnerIds !== undefined) {
      await tx.supervisionCoOwner.deleteMany({ where: { taskId, unitId: part.unitId } });
      await tx.supervisionCoOwner.createMany({
        data: coOwnerIds.map((userId) => ({ taskId, userId, unitId: part.unitId })),
      });
    }
    await recordEvent(tx, ctx, taskId, {
      kind: 'assigned',
      unitId: part.unitId,
      detail: { ownerId: input.ownerId ?? null, coOwnerIds: coOwnerIds ?? null },
    });
    await recordAudit(tx, ctx, {
      action: 'supervision.assign',
      resourceType: 'supervision_task',
      resourceId: taskId,
      detail: { unitId: part.unitId, ownerId: input.ownerId ?? null, coOwnerIds: coOwnerIds ?? null },
    });
    const newly = [
      ...(input.ownerId && input.ownerId !== task.ownerId ? [input.ownerId] : []),
      ...(coOwnerIds ?? []).filter((id) => !before.has(id)),
    ];
    const notices = await notifyAbout(
      svc,
      tx,
      ctx.at,
      task,
      newly,
      { kind: 'supervision.assigned_to_you', params: { dueDate: task.rectifyDueDate ?? task.dueDate } },
      subject.id,
    );
    return { result: undefined, notices };
  });
}
