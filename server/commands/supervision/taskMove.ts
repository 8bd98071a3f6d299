// Moves a task's status (or deadline) inside a command's transaction, only if nobody moved it first.
import type { Tx } from '../../db/client.ts';
import type { Prisma } from '../../../prisma/generated/client.ts';
import { Conflict } from '../../errors.ts';
import type { LoadedTask } from '../../queries/supervision/taskFacts.ts';

/**
 * Applies a status change only if the task is still in the status the decision was taken on: two people acting at
 * once cannot both move it.
 */
export async function moveTask(
  tx: Tx,
  task: LoadedTask,
  data: Prisma.SupervisionTaskUncheckedUpdateManyInput,
  at: Date,
): Promise<void> {
  const { count } = await tx.supervisionTask.updateMany({
    where: { id: task.id, status: task.status },
    data: { ...data, updatedAt: at },
  });
  if (count !== 1)
    throw new Conflict('task_changed', 'The task was changed by someone else just now; reload and try again');
  // The co-unit rows carry copies of the status and deadline for the unit lists' index.
  const copies = {
    ...(typeof data.status === 'string' ? { status: data.status } : {}),
    ...(data.deadlineAt instanceof Date ? { deadlineAt: data.deadlineAt } : {}),
  };
  if (Object.keys(copies).length > 0 && task.coUnits.length > 0)
    await tx.supervisionTaskUnit.updateMany({ where: { taskId: task.id }, data: copies });
}
