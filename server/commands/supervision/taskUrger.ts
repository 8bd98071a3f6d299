// 催办 of a supervision task: a supervisor of the task reminds those who carry it (its owner and co-owners, and the lead
// unit's clerks and leaders) with a message — in-app through the notification hub, which gives it only to those the
// policy lets read the task, and through the notice channel — and the urge joins the task's timeline. At most
// config.supervisionUrgeLimit urges of one task a day (China), by all its supervisors together: counted and recorded in
// one transaction, so urges sent at once each see those before them.
import { shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { OPEN_STATUSES, type TaskStatus } from '../../domain/supervision/vocabulary.ts';
import { AppError } from '../../errors.ts';
import { announce } from '../../notifications/announce.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { can } from '../../policies/index.ts';
import { authorizeTaskView, taskResource } from '../../policies/supervision.ts';
import { unitHandlers } from '../../queries/units/unitHandlers.ts';
import { oversightOf } from '../../queries/supervision/oversight.ts';
import { factsOf, loadTask } from '../../queries/supervision/taskFacts.ts';
import type { Services } from '../../services.ts';
import { auditingRefusals } from '../officialDocs/refusalAudit.ts';
import { recordEvent } from './taskTimeline.ts';

/** The refusals of 催办, in Chinese and English (the client shows the server's message). */
export const TASK_URGE_ERRORS = {
  task_not_open: {
    zh: '督办事项不在办理中（已提请验收或已办结），无需催办',
    en: 'The task is not being worked on (it awaits acceptance or is closed): there is nobody to urge',
  },
  urge_forbidden: { zh: '只有本事项的督办人（督查室）可以催办', en: 'Only the task’s supervisors urge it' },
  urge_limit: {
    zh: '今日对该事项的催办次数已达上限，请明日再试',
    en: 'This task has been urged as often as allowed today; try again tomorrow',
  },
} as const;

function urgeError(statusCode: number, code: keyof typeof TASK_URGE_ERRORS, details?: unknown): AppError {
  const { zh, en } = TASK_URGE_ERRORS[code];
  return new AppError(statusCode, code, `${en} (${zh})`, details);
}

/** The start of the China day that `at` falls in, and the seconds from `at` to the next one. */
function chinaDay(at: Date): { start: Date; secondsLeft: number } {
  const start = new Date(`${shanghaiDateOf(at)}T00:00:00+08:00`);
  return { start, secondsLeft: Math.ceil((start.getTime() + 86_400_000 - at.getTime()) / 1000) };
}

export async function urgeTask(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  message: string,
): Promise<{ notified: number }> {
  const audit = { action: 'supervision.urge', resourceType: 'supervision_task', resourceId: taskId };
  return auditingRefusals(
    svc,
    ctx,
    audit,
    async () => {
      const { notices, classification } = await inTransaction(svc, async (tx) => {
        const task = await loadTask(tx, taskId);
        const facts = factsOf(task);
        const oversight = await oversightOf(tx, subject);
        authorizeTaskView(subject, facts, oversight, 'task.urge');
        if (!(OPEN_STATUSES as readonly TaskStatus[]).includes(facts.status)) throw urgeError(409, 'task_not_open');
        if (!can(subject, 'task.urge', taskResource(facts, oversight))) throw urgeError(403, 'urge_forbidden');
        const day = chinaDay(ctx.at);
        const today = await tx.supervisionEvent.count({ where: { taskId, kind: 'urged', at: { gte: day.start } } });
        if (today >= svc.config.supervisionUrgeLimit)
          throw urgeError(429, 'urge_limit', {
            limit: svc.config.supervisionUrgeLimit,
            retryAfterSeconds: day.secondsLeft,
          });
        const addressed = [facts.ownerId, ...facts.coOwnerIds, ...(await unitHandlers(tx, facts.leadUnitId))];
        const notices = await notifyAbout(
          svc,
          tx,
          ctx.at,
          task,
          addressed,
          { kind: 'supervision.urged', params: { person: subject.id, message } },
          subject.id,
        );
        await recordEvent(tx, ctx, taskId, {
          kind: 'urged',
          text: message,
          unitId: subject.unitId,
          detail: { notified: notices.length },
        });
        await recordAudit(tx, ctx, {
          action: 'supervision.urge',
          resourceType: 'supervision_task',
          resourceId: taskId,
          detail: { recipients: notices.length },
        });
        return { notices, classification: task.classification };
      });
      await announce(svc, notices, classification);
      return { notified: notices.length };
    },
    { auditNotFound: false },
  );
}
