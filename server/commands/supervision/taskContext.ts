// What every supervision command shares: loading a task's facts for the policies inside the transaction, moving its
// status only if nobody moved it first, the timeline, the statistics counters and the notifications it sends.
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../../prisma/generated/client.ts';
import type { EventKind, TaskAction, TaskStatus } from '../../domain/supervision/vocabulary.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { authorizeTaskAction, overseenUnits, overseesBelowOwnUnit, type Oversight, type TaskFacts } from '../../policies/supervision.ts';
import type { NotificationInput, NotificationKind } from '../../../common/notifications/catalogue.ts';
import type { NotificationView } from '../../presenters/notification.ts';
import { notice } from '../../notifications/notificationHub.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

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

/** The units the subject oversees. Only a leader's reach goes below their own unit, so only then is the tree read. */
export async function oversightOf(db: Db | Tx, subject: Subject): Promise<Oversight> {
  if (!overseesBelowOwnUnit(subject)) return new Set([subject.unitId]);
  return overseenUnits(subject, await db.unit.findMany({ select: { id: true, parentId: true } }));
}

/**
 * Applies a status change only if the task is still in the status the decision was taken on: two people acting at
 * once cannot both move it.
 */
export async function moveTask(tx: Tx, task: LoadedTask, data: Prisma.SupervisionTaskUncheckedUpdateManyInput, at: Date): Promise<void> {
  const { count } = await tx.supervisionTask.updateMany({ where: { id: task.id, status: task.status }, data: { ...data, updatedAt: at } });
  if (count !== 1) throw new Conflict('task_changed', 'The task was changed by someone else just now; reload and try again');
  // The co-unit rows carry copies of the status and deadline for the unit lists' index.
  const copies = {
    ...(typeof data.status === 'string' ? { status: data.status } : {}),
    ...(data.deadlineAt instanceof Date ? { deadlineAt: data.deadlineAt } : {}),
  };
  if (Object.keys(copies).length > 0 && task.coUnits.length > 0) await tx.supervisionTaskUnit.updateMany({ where: { taskId: task.id }, data: copies });
}

export async function recordEvent(
  tx: Tx, ctx: RequestContext, taskId: string,
  event: { kind: EventKind; text?: string; percent?: number | null; unitId?: string | null; detail?: Record<string, unknown> },
): Promise<string> {
  const row = await tx.supervisionEvent.create({
    data: {
      taskId, at: ctx.at, actorId: ctx.actor?.id ?? null, kind: event.kind, text: event.text ?? '', percent: event.percent ?? null,
      unitId: event.unitId ?? null, detail: JSON.stringify(event.detail ?? {}),
    },
  });
  return row.id;
}

/** Keeps the per-unit, per-month statistics counters in step with the tasks (same transaction). */
export async function bumpUnitMonth(
  tx: Tx, unitId: string, month: string,
  delta: Partial<Record<'created' | 'completed' | 'completedOnTime' | 'lateDaysTotal', number>>,
): Promise<void> {
  const increments = Object.fromEntries(Object.entries(delta).map(([k, v]) => [k, { increment: v }]));
  await tx.supervisionUnitMonth.upsert({
    where: { unitId_month: { unitId, month } },
    create: { unitId, month, created: 0, completed: 0, completedOnTime: 0, lateDaysTotal: 0, ...delta },
    update: increments,
  });
}

/** Clerks and leaders of a unit: who signs for it and hears about its tasks. */
export async function unitHandlers(tx: Tx | Db, unitId: string, clearance = 0): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { unitId, disabled: false, adminRole: null, clearance: { gte: clearance }, roles: { some: { role: { in: ['clerk', 'leader'] } } } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The heads (leaders) of a unit. */
export async function unitLeaders(tx: Tx | Db, unitId: string): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { unitId, disabled: false, adminRole: null, roles: { some: { role: 'leader' } } }, select: { id: true } });
  return rows.map((r) => r.id);
}

export const taskLink = (taskId: string) => `/supervision/tasks/${taskId}`;

type TaskNoticeKind = Extract<NotificationKind, `supervision.${string}`>;

/** A notice about a task: its kind and parameters but the task's title, which notifyAbout() adds. */
export type TaskNotice = { [K in TaskNoticeKind]: { kind: K; params: Omit<NotificationInput<K>, 'task'> } }[TaskNoticeKind];

/** Notifications about a task, written in the transaction; publish() them after it commits. */
export async function notifyAbout(
  svc: Services, tx: Tx, at: Date, task: { id: string; title: string },
  recipients: Iterable<string | null | undefined>, about: TaskNotice, exceptUserId?: string | null,
): Promise<Array<NotificationView & { userId: string }>> {
  const users = [...new Set([...recipients].filter((u): u is string => typeof u === 'string' && u !== exceptUserId))];
  // Every supervision kind has a `task` title parameter (the catalogue test holds it to that).
  const params = { ...about.params, task: task.title } as NotificationInput<TaskNoticeKind>;
  return svc.notifications.create(tx, users.map((userId) => notice(userId, about.kind, params, taskLink(task.id))), at);
}

/** Attachments sent with a report or the acceptance evidence: uploaded to this task by this person, not yet used. */
export async function claimAttachments(tx: Tx, taskId: string, uploaderId: string, ids: readonly string[], eventId: string): Promise<void> {
  if (ids.length === 0) return;
  const { count } = await tx.supervisionAttachment.updateMany({ where: { id: { in: [...ids] }, taskId, uploadedById: uploaderId, eventId: null }, data: { eventId } });
  if (count !== new Set(ids).size) throw new Conflict('attachment_unavailable', 'An attachment is not one you uploaded to this task, or it was already sent');
}

export type Notices = Array<NotificationView & { userId: string }>;

/**
 * The frame of every lifecycle command: in one transaction, load the task, ask the policies whether this person may
 * take the action now, do the work (writes, timeline, audit, notifications), then publish the notifications.
 */
export async function runTaskAction<T>(
  svc: Services, subject: Subject, taskId: string, action: TaskAction,
  work: (tx: Tx, task: LoadedTask, to: TaskStatus) => Promise<{ result: T; notices: Notices }>,
): Promise<T> {
  const { result, notices } = await inTransaction(svc, async (tx) => {
    const task = await loadTask(tx, taskId);
    const to = authorizeTaskAction(subject, factsOf(task), action, await oversightOf(tx, subject));
    return work(tx, task, to);
  });
  await svc.notifications.publish(notices);
  return result;
}
