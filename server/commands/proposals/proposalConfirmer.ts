// A supervisor confirms proposals: each becomes a supervision task (basis: meeting decision) through the task creator,
// linked to the minutes and its decision item, and the lead units are notified live. All or nothing: a proposal
// without a lead unit from the directory or without a deadline is refused (422, naming the proposal and the field)
// before any task is made. Confirming a confirmed proposal again returns its task; nothing is made twice.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { isValidIsoDate } from '../../../common/calendar/isoDate.ts';
import { isPastDate } from '../../domain/supervision/deadlines.ts';
import { BadRequest, Conflict, InvalidState, Unprocessable } from '../../errors.ts';
import type { NotificationView } from '../../presenters/notification.ts';
import type { Services } from '../../services.ts';
import { createTaskIn, type NewTask } from '../supervision/taskCreator.ts';
import { shareMinutesWithUnits } from '../minutes/minutesSharer.ts';
import { inTransaction } from '../../db/transaction.ts';
import { contentOfRow } from '../../presenters/taskProposal.ts';
import { loadForReview } from '../../queries/minutes/proposalsForReview.ts';
import type { ProposalFields } from '../../domain/minutes/proposalFields.ts';

export const MAX_CONFIRMED_AT_ONCE = 100;

type Row = Awaited<ReturnType<typeof loadForReview>>[number];

function refuse(row: Row, field: keyof ProposalFields, code: string, message: string): never {
  throw new Unprocessable(code, `“${row.title.slice(0, 40)}”: ${message}`, { proposalId: row.id, field });
}

async function taskInput(tx: Tx, row: Row, at: Date): Promise<NewTask> {
  const f = contentOfRow(row);
  const lead = f.leadUnits[0];
  if (!lead) refuse(row, 'leadUnits', 'lead_unit_required', 'name the lead unit (牵头单位)');
  if (!lead.unitId) refuse(row, 'leadUnits', 'lead_unit_unresolved', `pick “${lead.name}” from the unit directory`);
  if (!f.due || !isValidIsoDate(f.due)) refuse(row, 'due', 'due_required', 'set the deadline (完成时限)');
  if (isPastDate(f.due, at)) refuse(row, 'due', 'due_date_past', `the deadline ${f.due} has passed`);
  if (!f.title.trim()) refuse(row, 'title', 'title_required', 'give the task a title');
  // Joint lead units (共同牵头) beyond the first take part as co-units; names not in the directory go into the text.
  const others = [...f.leadUnits.slice(1), ...f.coUnits];
  const coUnitIds = [...new Set(others.flatMap((u) => (u.unitId && u.unitId !== lead.unitId ? [u.unitId] : [])))];
  const unmatched = others.filter((u) => !u.unitId).map((u) => u.name);
  const ownerIds = f.owners.flatMap((p) => (p.userId ? [p.userId] : []));
  const owner =
    ownerIds.length > 0
      ? await tx.user.findFirst({
          where: { id: { in: ownerIds }, unitId: lead.unitId, disabled: false },
          select: { id: true },
        })
      : null;
  const taskUnits = [lead.unitId, ...coUnitIds];
  const coOwnerCandidates = f.coOwners.flatMap((p) => (p.userId && p.userId !== owner?.id ? [p.userId] : []));
  const coOwners =
    coOwnerCandidates.length > 0
      ? await tx.user.findMany({
          where: {
            id: { in: coOwnerCandidates },
            unitId: { in: taskUnits },
            disabled: false,
            adminRole: null,
            clearance: { gte: row.classification },
          },
          select: { id: true },
        })
      : [];
  const coOwnerIds = coOwners.map((u) => u.id);
  // People the task records by account are not repeated in its text; the others (unmatched, or outside the task's
  // units) are kept by name so the lead unit can assign them.
  const people = [
    ...f.owners.filter((p) => p.userId !== owner?.id),
    ...f.coOwners.filter((p) => !p.userId || !coOwnerIds.includes(p.userId)),
  ].map((p) => p.name);
  const notes = [
    unmatched.length ? `配合单位：${unmatched.join('、')}` : '',
    people.length ? `责任人：${people.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
  return {
    title: f.title.trim(),
    basisType: 'meeting_decision',
    basisText: f.sourceText,
    minutesDocumentId: row.minutesDocumentId,
    decisionAnchor: row.decisionId,
    leadUnitId: lead.unitId,
    coUnitIds,
    ownerId: owner?.id ?? null,
    coOwnerIds,
    requirement: [f.sourceText || f.title, notes].filter(Boolean).join('\n'),
    dueDate: f.due,
    classification: row.classification,
  };
}

export async function confirmProposals(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  ids: readonly string[],
): Promise<{ tasks: Array<{ id: string; proposalId: string }> }> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0 || distinct.length > MAX_CONFIRMED_AT_ONCE)
    throw new BadRequest('confirm_ids', `Confirm 1 to ${MAX_CONFIRMED_AT_ONCE} proposals at once`);
  const result = await inTransaction(svc, async (tx) => {
    const rows = await loadForReview(tx, subject, distinct);
    for (const row of rows) {
      if (row.status !== 'pending' && row.status !== 'confirmed')
        throw new InvalidState('proposal_not_pending', `The proposal “${row.title.slice(0, 40)}” is ${row.status}`);
    }
    const pending = rows.filter((r) => r.status === 'pending');
    const inputs = await Promise.all(pending.map((r) => taskInput(tx, r, ctx.at)));
    const tasks = rows.filter((r) => r.taskId).map((r) => ({ id: r.taskId!, proposalId: r.id }));
    const notices: NotificationView[] = [];
    for (const [i, row] of pending.entries()) {
      const input = inputs[i]!;
      const made = await createTaskIn(svc, tx, ctx, subject, input);
      await shareMinutesWithUnits(
        tx,
        row.minutesDocumentId,
        [input.leadUnitId, ...(input.coUnitIds ?? [])],
        subject.id,
        ctx.at,
      );
      const claimed = await tx.taskProposal.updateMany({
        where: { id: row.id, status: 'pending' },
        data: { status: 'confirmed', taskId: made.id, updatedAt: ctx.at },
      });
      if (claimed.count !== 1)
        throw new Conflict('concurrent_change', 'The proposal was decided meanwhile; reload and try again');
      await recordAudit(tx, ctx, {
        action: 'proposal.confirm',
        resourceType: 'task_proposal',
        resourceId: row.id,
        detail: { taskId: made.id },
      });
      tasks.push({ id: made.id, proposalId: row.id });
      notices.push(...made.notices);
    }
    return { tasks, notices };
  });
  await svc.notifications.publish(result.notices);
  return { tasks: result.tasks };
}
