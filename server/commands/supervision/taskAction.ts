// The frame of every supervision lifecycle command: load the task, ask the policies, do the work, then publish.
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { TaskAction, TaskStatus } from '../../domain/supervision/vocabulary.ts';
import type { Notices } from '../../notifications/taskNotices.ts';
import { authorizeTaskAction } from '../../policies/supervision.ts';
import { oversightOf } from '../../queries/supervision/oversight.ts';
import { factsOf, loadTask, type LoadedTask } from '../../queries/supervision/taskFacts.ts';
import { unitPeople } from '../../queries/todo/todoAudience.ts';
import type { Services } from '../../services.ts';

/**
 * The frame of every lifecycle command: in one transaction, load the task, ask the policies whether this person may
 * take the action now, do the work (writes, timeline, audit, notifications), then publish the notifications.
 */
export async function runTaskAction<T>(
  svc: Services,
  subject: Subject,
  taskId: string,
  action: TaskAction,
  work: (tx: Tx, task: LoadedTask, to: TaskStatus) => Promise<{ result: T; notices: Notices }>,
): Promise<T> {
  const { result, notices } = await inTransaction(svc, async (tx) => {
    const task = await loadTask(tx, taskId);
    const to = authorizeTaskAction(subject, factsOf(task), action, await oversightOf(tx, subject));
    return work(tx, task, to);
  });
  await svc.notifications.publish(notices);
  // The task moved: whoever it may wait for (its units' clerks and leaders, owner, co-owners, supervisor) looks again.
  const task = await loadTask(svc.db, taskId);
  svc.notifications.nudgeTodo([
    ...(await unitPeople(svc.db, [task.leadUnitId, ...task.coUnits.map((u) => u.unitId)], ['clerk', 'leader'])),
    ...(task.ownerId ? [task.ownerId] : []),
    ...task.coOwners.map((c) => c.userId),
    task.supervisorId,
  ]);
  return result;
}
