// A supervisor (any basis) or a leader (their own instruction, 领导批示) raises a supervision task: validated basis,
// units, people and deadline, numbered 督办〔year〕n号, waiting for the lead unit to sign (待签收).
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { subjectFromUser, type Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { isValidIsoDate } from '../../../common/calendar/isoDate.ts';
import { documentWithAccess } from '../../queries/documents/documentAccess.ts';
import { chinaMonth, chinaToday, deadlineColumns, isPastDate } from '../../domain/supervision/deadlines.ts';
import type { BasisType, Priority } from '../../domain/supervision/vocabulary.ts';
import { BadRequest } from '../../errors.ts';
import type { NotificationView } from '../../presenters/notification.ts';
import { authorize, classificationResource } from '../../policies/index.ts';
import { canInstruct, canSupervise } from '../../policies/supervision.ts';
import { clearedFor } from '../../policies/predicates.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { bumpUnitMonth } from './unitMonthCounters.ts';
import { notifyAbout } from '../../notifications/taskNotices.ts';
import { recordEvent } from './taskTimeline.ts';
import { unitHandlers } from '../../queries/units/unitHandlers.ts';

export interface NewTask {
  title: string;
  basisType: BasisType;
  basisText?: string;
  minutesDocumentId?: string | null;
  decisionAnchor?: string | null;
  sourceDocumentId?: string | null;
  instructedById?: string | null;
  leadUnitId: string;
  coUnitIds?: string[];
  ownerId?: string | null;
  /** Co-owners (协办人) named at creation: each works in the lead unit or one of the co-units. */
  coOwnerIds?: string[];
  requirement: string;
  dueDate: string;
  priority?: Priority;
  classification: number;
  supervisorId?: string | null;
}

/** A business user named on the task, as the policies see people. */
async function person(tx: Tx, id: string): Promise<Subject | null> {
  const row = await tx.user.findFirst({ where: { id, disabled: false, adminRole: null }, include: { roles: true } });
  return row && subjectFromUser(row);
}

async function checkBasis(tx: Tx, subject: Subject, input: NewTask): Promise<{ instructedById: string | null }> {
  const text = input.basisText?.trim() ?? '';
  switch (input.basisType) {
    case 'meeting_decision': {
      if (!input.minutesDocumentId)
        throw new BadRequest('basis_incomplete', 'A meeting decision needs the minutes it comes from');
      // A task may only name minutes its creator can read (and says nothing about minutes they cannot).
      const found = await documentWithAccess(tx, subject, input.minutesDocumentId);
      if (!found || found.access === 'none' || found.doc.kind !== 'minutes')
        throw new BadRequest('basis_not_found', 'The minutes were not found');
      return { instructedById: null };
    }
    case 'leader_instruction': {
      if (!text) throw new BadRequest('basis_incomplete', 'A leader instruction needs the text of the instruction');
      const leaderId = input.instructedById ?? (canInstruct(subject) ? subject.id : null);
      if (!leaderId) throw new BadRequest('basis_incomplete', 'Name the leader who gave the instruction');
      const leader = await person(tx, leaderId);
      if (!leader || !canInstruct(leader))
        throw new BadRequest('not_a_leader', 'The instruction must come from a leader');
      // A leader raises tasks from their own instructions only; supervisors record anyone's.
      authorize(subject, 'task.recordInstruction', { kind: 'instruction', leaderId });
      // An instruction given on a document (a 批办 on a 收文, 转为督办) names the document it was written on.
      if (input.sourceDocumentId) {
        const found = await documentWithAccess(tx, subject, input.sourceDocumentId);
        if (!found || found.access === 'none') throw new BadRequest('basis_not_found', 'The document was not found');
      }
      return { instructedById: leaderId };
    }
    case 'upper_document': {
      if (!input.sourceDocumentId)
        throw new BadRequest('basis_incomplete', 'An upper-level document basis needs the document');
      const found = await documentWithAccess(tx, subject, input.sourceDocumentId);
      if (!found || found.access === 'none') throw new BadRequest('basis_not_found', 'The document was not found');
      return { instructedById: null };
    }
    case 'other':
      if (!text) throw new BadRequest('basis_incomplete', 'Say what the task is based on');
      return { instructedById: null };
  }
}

export async function createTask(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  input: NewTask,
): Promise<{ id: string }> {
  const result = await inTransaction(svc, (tx) => createTaskIn(svc, tx, ctx, subject, input));
  await svc.notifications.publish(result.notices);
  return { id: result.id };
}

/**
 * The same, inside the caller's transaction (confirming several proposals from minutes is all or nothing); the caller
 * publishes the notices after its commit.
 */
export async function createTaskIn(
  svc: Services,
  tx: Tx,
  ctx: RequestContext,
  subject: Subject,
  input: NewTask,
): Promise<{ id: string; notices: NotificationView[] }> {
  authorize(subject, 'task.create', { kind: 'taskBasis', basisType: input.basisType });
  authorize(subject, 'classification.assign', classificationResource(input.classification));
  if (!isValidIsoDate(input.dueDate))
    throw new BadRequest('invalid_due_date', 'The due date must be a calendar date YYYY-MM-DD');
  if (isPastDate(input.dueDate, ctx.at))
    throw new BadRequest(
      'due_date_past',
      `The due date ${input.dueDate} has already passed (today is ${chinaToday(ctx.at)})`,
    );
  const coUnitIds = [...new Set(input.coUnitIds ?? [])];
  if (coUnitIds.includes(input.leadUnitId))
    throw new BadRequest('lead_unit_as_co_unit', 'The lead unit cannot also be a co-unit');

  const units = await tx.unit.findMany({
    where: { id: { in: [input.leadUnitId, ...coUnitIds] } },
    select: { id: true },
  });
  if (units.length !== coUnitIds.length + 1) throw new BadRequest('unknown_unit', 'A named unit does not exist');
  const { instructedById } = await checkBasis(tx, subject, input);

  const supervisorId = input.supervisorId ?? (canSupervise(subject) ? subject.id : null);
  if (!supervisorId) throw new BadRequest('supervisor_required', 'Name the supervisor (督办人) who follows the task');
  const supervisor = await person(tx, supervisorId);
  if (!supervisor || !canSupervise(supervisor))
    throw new BadRequest('not_a_supervisor', 'The supervisor must hold the supervisor role');
  if (!clearedFor(supervisor, input.classification))
    throw new BadRequest('supervisor_clearance', 'The supervisor is not cleared for this classification');
  if (input.ownerId) {
    const owner = await person(tx, input.ownerId);
    if (!owner || owner.unitId !== input.leadUnitId)
      throw new BadRequest('assignee_outside_unit', 'The owner must work in the lead unit');
    if (!clearedFor(owner, input.classification))
      throw new BadRequest('assignee_clearance', 'The owner is not cleared for this classification');
  }

  const coOwnerIds = [...new Set(input.coOwnerIds ?? [])].filter((id) => id !== input.ownerId);
  const coOwners = await Promise.all(coOwnerIds.map((id) => person(tx, id)));
  for (const p of coOwners) {
    if (!p || (p.unitId !== input.leadUnitId && !coUnitIds.includes(p.unitId)))
      throw new BadRequest('co_owner_outside_units', 'A co-owner must work in the lead unit or a co-unit');
    if (!clearedFor(p, input.classification))
      throw new BadRequest('assignee_clearance', 'A co-owner is not cleared for this classification');
  }

  const year = Number(chinaToday(ctx.at).slice(0, 4));
  const last = await tx.supervisionTask.findFirst({
    where: { year },
    orderBy: { serial: 'desc' },
    select: { serial: true },
  });
  const month = chinaMonth(ctx.at);
  const deadline = deadlineColumns(input.dueDate);
  const task = await tx.supervisionTask.create({
    data: {
      year,
      serial: (last?.serial ?? 0) + 1,
      title: input.title,
      basisType: input.basisType,
      basisText: input.basisText?.trim() ?? '',
      minutesDocumentId: input.basisType === 'meeting_decision' ? (input.minutesDocumentId ?? null) : null,
      decisionAnchor: input.basisType === 'meeting_decision' ? (input.decisionAnchor ?? null) : null,
      sourceDocumentId:
        input.basisType === 'upper_document' || input.basisType === 'leader_instruction'
          ? (input.sourceDocumentId ?? null)
          : null,
      instructedById,
      leadUnitId: input.leadUnitId,
      ownerId: input.ownerId ?? null,
      supervisorId,
      createdById: subject.id,
      requirement: input.requirement,
      priority: input.priority ?? 'normal',
      classification: input.classification,
      status: 'pending_sign',
      dueDate: input.dueDate,
      originalDueDate: input.dueDate,
      ...deadline,
      month,
      createdAt: ctx.at,
      updatedAt: ctx.at,
      coUnits: {
        create: coUnitIds.map((unitId) => ({
          unitId,
          status: 'pending_sign',
          deadlineAt: deadline.deadlineAt,
          classification: input.classification,
        })),
      },
      coOwners: { create: coOwners.flatMap((p) => (p ? [{ userId: p.id, unitId: p.unitId }] : [])) },
    },
  });
  await recordEvent(tx, ctx, task.id, {
    kind: 'created',
    text: input.requirement,
    detail: { dueDate: input.dueDate, basisType: input.basisType },
  });
  await bumpUnitMonth(tx, input.leadUnitId, month, { created: 1 });
  await recordAudit(tx, ctx, {
    action: 'supervision.create',
    resourceType: 'supervision_task',
    resourceId: task.id,
    detail: {
      basisType: input.basisType,
      leadUnitId: input.leadUnitId,
      coUnitIds,
      coOwnerIds,
      dueDate: input.dueDate,
      classification: input.classification,
    },
  });
  const lead = await unitHandlers(tx, input.leadUnitId, input.classification);
  const co = (await Promise.all(coUnitIds.map((u) => unitHandlers(tx, u, input.classification)))).flat();
  const notices = [
    ...(await notifyAbout(
      svc,
      tx,
      ctx.at,
      task,
      [...lead, input.ownerId],
      { kind: 'supervision.assigned', params: { dueDate: input.dueDate } },
      subject.id,
    )),
    ...(await notifyAbout(
      svc,
      tx,
      ctx.at,
      task,
      [...co, ...coOwnerIds],
      { kind: 'supervision.co_assigned', params: { dueDate: input.dueDate } },
      subject.id,
    )),
  ];
  return { id: task.id, notices };
}
