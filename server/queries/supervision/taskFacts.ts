// A supervision task with what the policies need to decide on it (its units, people, supervisor's unit and
// coordinations), and those facts in the policies' shape. 404 when there is no such task.
import type { Db, Tx } from '../../db/client.ts';
import type { TaskStatus } from '../../domain/supervision/vocabulary.ts';
import { NotFound } from '../../errors.ts';
import type { TaskFacts } from '../../policies/supervision.ts';

const taskInclude = {
  coUnits: { select: { unitId: true, signedAt: true } },
  coOwners: { select: { userId: true, unitId: true } },
  supervisor: { select: { unitId: true } },
  coordinations: { select: { unitIds: true } },
} as const;

export async function loadTask(tx: Tx | Db, taskId: string) {
  const task = await tx.supervisionTask.findUnique({ where: { id: taskId }, include: taskInclude });
  if (!task) throw new NotFound('task');
  return task;
}

export type LoadedTask = Awaited<ReturnType<typeof loadTask>>;

export function factsOf(task: LoadedTask): TaskFacts {
  return {
    id: task.id,
    status: task.status as TaskStatus,
    classification: task.classification,
    leadUnitId: task.leadUnitId,
    coUnitIds: task.coUnits.map((u) => u.unitId),
    coordinationUnitIds: [...new Set(task.coordinations.flatMap((c) => JSON.parse(c.unitIds) as string[]))],
    ownerId: task.ownerId,
    coOwnerIds: task.coOwners.map((p) => p.userId),
    supervisorId: task.supervisorId,
    supervisorUnitId: task.supervisor.unitId,
    createdById: task.createdById,
    instructedById: task.instructedById,
  };
}
