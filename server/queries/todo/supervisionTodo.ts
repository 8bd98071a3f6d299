// Supervision tasks waiting for a person: to sign for (签收, the lead unit's clerks and leaders; 会签收 for a co-unit's
// until their unit signed), to report progress on (the owner and co-owners while the work is open), to accept (验收)
// and to decide an extension on (the task's own supervisor). Each arm reads one index of its own.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { TodoKind } from '../../../common/todo/vocabulary.ts';
import { OPEN_STATUSES } from '../../domain/supervision/vocabulary.ts';
import { DEFERRED_TITLE, NO_DUE, todoArm, type TodoArm, type TodoContext, type TodoSource } from './todoSource.ts';

const OPEN = Prisma.join([...OPEN_STATUSES]);
/** Handling continues (and is reported) in these; pending_sign waits for the signature first. */
const WORKING_STATUSES = ['in_progress', 'extension_requested'] as const;
const WORKING = Prisma.join([...WORKING_STATUSES]);
const URGENCY = Prisma.sql`t.priority`;
// The title is read for the rows of the page only (titleOf): the arms stay on their indexes.
const title = DEFERRED_TITLE;
const id = Prisma.sql`t.id`;

export const supervisionTodo: TodoSource = {
  kinds: ['task_sign', 'task_report', 'task_accept', 'task_approve'],

  async arms(ctx: TodoContext, wanted: ReadonlySet<TodoKind>) {
    const v = ctx.visibility;
    const cleared = Prisma.sql`t.classification <= ${v.clearance}`;
    const arms: TodoArm[] = [];
    const arm = (kind: TodoKind, due: Prisma.Sql, since: Prisma.Sql, from: Prisma.Sql) =>
      arms.push(
        todoArm(
          ctx.dialect,
          // A task's deadline is never NULL; only the supervisor's steps have no due date (NO_DUE).
          { kind, id, ref: id, title, dueAt: due, ...(due === NO_DUE ? {} : { dueNeverNull: true as const }), since },
          URGENCY,
          Prisma.sql`t.classification`,
          from,
        ),
      );
    if (wanted.has('task_sign') && v.signsForUnit) {
      arm(
        'task_sign',
        Prisma.sql`t."deadlineAt"`,
        Prisma.sql`t."createdAt"`,
        Prisma.sql`FROM "SupervisionTask" t WHERE t."leadUnitId" = ${v.unitId} AND t.status = 'pending_sign' AND ${cleared}`,
      );
      // A co-unit signs for its part while the task is open, whatever the lead unit has done.
      arm(
        'task_sign',
        Prisma.sql`t."deadlineAt"`,
        Prisma.sql`t."createdAt"`,
        Prisma.sql`FROM "SupervisionTaskUnit" cu JOIN "SupervisionTask" t ON t.id = cu."taskId"
          WHERE cu."unitId" = ${v.unitId} AND cu.status IN (${OPEN}) AND cu.classification <= ${v.clearance}
            AND cu."signedAt" IS NULL AND t."leadUnitId" <> ${v.unitId}`,
      );
    }
    if (wanted.has('task_report')) {
      const since = Prisma.sql`COALESCE(t."signedAt", t."createdAt")`;
      // One arm per status, so each reads its (ownerId, status, deadlineAt) range in deadline order.
      for (const status of WORKING_STATUSES)
        arm(
          'task_report',
          Prisma.sql`t."deadlineAt"`,
          since,
          Prisma.sql`FROM "SupervisionTask" t WHERE t."ownerId" = ${v.userId} AND t.status = ${status} AND ${cleared}`,
        );
      arm(
        'task_report',
        Prisma.sql`t."deadlineAt"`,
        since,
        Prisma.sql`FROM "SupervisionCoOwner" co JOIN "SupervisionTask" t ON t.id = co."taskId"
          WHERE co."userId" = ${v.userId} AND t.status IN (${WORKING}) AND ${cleared}
            AND (t."ownerId" IS NULL OR t."ownerId" <> ${v.userId})`,
      );
    }
    // The supervisor's own steps have no deadline of theirs: the task's deadline is the handlers'.
    if (wanted.has('task_accept') && v.supervises)
      arm(
        'task_accept',
        NO_DUE,
        Prisma.sql`COALESCE(t."submittedAt", t."updatedAt")`,
        Prisma.sql`FROM "SupervisionTask" t WHERE t."supervisorId" = ${v.userId} AND t.status = 'pending_acceptance'
          AND ${cleared}`,
      );
    if (wanted.has('task_approve') && v.supervises)
      arm(
        'task_approve',
        NO_DUE,
        Prisma.sql`COALESCE((SELECT MAX(x."createdAt") FROM "SupervisionExtension" x
          WHERE x."taskId" = t.id AND x.status = 'pending'), t."updatedAt")`,
        Prisma.sql`FROM "SupervisionTask" t WHERE t."supervisorId" = ${v.userId} AND t.status = 'extension_requested'
          AND ${cleared}`,
      );
    return arms;
  },

  link: (_kind, ref) => `/supervision/tasks/${ref}`,
  titleOf: (ref) => Prisma.sql`(SELECT s.title FROM "SupervisionTask" s WHERE s.id = ${ref})`,
};
