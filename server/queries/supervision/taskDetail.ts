// One task as its page shows it: the facts, the people and units with their parts, extension and coordination
// requests, and the timeline with its attachments — plus what the caller may do next.
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { availableActions } from '../../domain/supervision/lifecycle.ts';
import type { BasisType, EventKind, TaskStatus } from '../../domain/supervision/vocabulary.ts';
import { factsOf, loadTask } from './taskFacts.ts';
import { oversightOf } from './oversight.ts';
import { can } from '../../policies/index.ts';
import { authorizeTaskView, assigningUnit, maySeeAttachment, taskResource } from '../../policies/supervision.ts';
import { overdueDays, taskCode } from '../../presenters/supervisionTask.ts';
import { documentWithAccess } from '../documents/documentAccess.ts';
import { archiveStandingOf } from '../archive/archiveStanding.ts';

export async function taskDetail(db: Db, subject: Subject, taskId: string, now: Date) {
  const loaded = await loadTask(db, taskId);
  const facts = factsOf(loaded);
  const oversight = await oversightOf(db, subject);
  const roles = authorizeTaskView(subject, facts, oversight);
  const task = await db.supervisionTask.findUniqueOrThrow({
    where: { id: taskId },
    include: {
      leadUnit: { select: { name: true } },
      owner: { select: { displayName: true } },
      supervisor: { select: { displayName: true } },
      createdBy: { select: { displayName: true } },
      instructedBy: { select: { displayName: true } },
      minutesDocument: { select: { title: true } },
      sourceDocument: { select: { title: true, contextType: true, contextId: true } },
      coUnits: { include: { unit: { select: { name: true } } } },
      coOwners: { include: { user: { select: { displayName: true } } } },
      events: { orderBy: { at: 'asc' }, include: { actor: { select: { displayName: true } } } },
      attachments: { orderBy: { createdAt: 'asc' } },
      extensions: { orderBy: { createdAt: 'asc' } },
      coordinations: { orderBy: { createdAt: 'asc' } },
    },
  });
  const userIds = [
    ...new Set([
      ...task.extensions.flatMap((e) => [e.requestedById, e.decidedById]),
      ...task.coordinations.flatMap((c) => [c.raisedById, c.resolvedById]),
      ...task.attachments.map((a) => a.uploadedById),
    ]),
  ].filter((x): x is string => x !== null);
  const unitIds = [
    ...new Set(
      [
        ...task.events.map((e) => e.unitId),
        ...task.coordinations.flatMap((c) => JSON.parse(c.unitIds) as string[]),
      ].filter((x): x is string => x !== null),
    ),
  ];
  const [users, units] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }),
    db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id ? (userName.get(id) ?? null) : null);
  const late = overdueDays(task.status, task.deadlineAt, now);
  // Seeing a task does not open the documents it names: their titles go only to those who may read them.
  const readable = async (documentId: string | null) => {
    if (documentId === null) return false;
    const found = await documentWithAccess(db, subject, documentId);
    return found !== null && found.access !== 'none';
  };
  const [minutesReadable, sourceReadable, archive] = await Promise.all([
    readable(task.minutesDocumentId),
    readable(task.sourceDocumentId),
    // Whoever sees this page reads the task (authorizeTaskView above).
    archiveStandingOf(db, subject, {
      objectType: 'supervision_task',
      objectId: task.id,
      unitId: task.leadUnitId,
      classification: task.classification,
      finished: task.status === 'completed',
      readsObject: true,
    }),
  ]);
  const assigning = assigningUnit(subject, facts);
  const attachment = (a: (typeof task.attachments)[number]) => ({
    id: a.id,
    fileName: a.fileName,
    kind: a.kind,
    size: a.size,
    uploadedById: a.uploadedById,
    uploadedByName: nameOf(a.uploadedById),
    createdAt: a.createdAt.toISOString(),
  });

  return {
    id: task.id,
    code: taskCode(task.year, task.serial),
    title: task.title,
    basisType: task.basisType as BasisType,
    basisText: task.basisText,
    minutesDocument: task.minutesDocumentId
      ? {
          id: task.minutesDocumentId,
          title: minutesReadable ? (task.minutesDocument?.title ?? null) : null,
          anchor: task.decisionAnchor,
          readable: minutesReadable,
        }
      : null,
    sourceDocument: task.sourceDocumentId
      ? {
          id: task.sourceDocumentId,
          title: sourceReadable ? (task.sourceDocument?.title ?? null) : null,
          readable: sourceReadable,
          // A 公文 (a 收文 turned into a task, 转为督办) opens on its own page, with its route and 办文单.
          officialDocumentId:
            sourceReadable && task.sourceDocument?.contextType === 'official_document'
              ? (task.sourceDocument.contextId ?? null)
              : null,
        }
      : null,
    instructedById: task.instructedById,
    instructedByName: task.instructedBy?.displayName ?? null,
    status: task.status as TaskStatus,
    priority: task.priority,
    classification: task.classification,
    requirement: task.requirement,
    leadUnitId: task.leadUnitId,
    leadUnitName: task.leadUnit.name,
    coUnits: task.coUnits.map((u) => ({
      id: u.unitId,
      name: u.unit.name,
      signed: u.signedAt !== null,
      signedAt: u.signedAt?.toISOString() ?? null,
    })),
    ownerId: task.ownerId,
    ownerName: task.owner?.displayName ?? null,
    coOwners: task.coOwners.map((c) => ({ id: c.userId, name: c.user.displayName, unitId: c.unitId })),
    supervisorId: task.supervisorId,
    supervisorName: task.supervisor.displayName,
    createdById: task.createdById,
    createdByName: task.createdBy.displayName,
    dueDate: task.dueDate,
    originalDueDate: task.originalDueDate,
    rectification: task.rectification,
    rectifyDueDate: task.rectifyDueDate,
    deadlineDate: task.rectifyDueDate ?? task.dueDate,
    returnCount: task.returnCount,
    progress: task.progress,
    overdue: late > 0,
    overdueDays: late,
    lateDays: task.lateDays,
    signedAt: task.signedAt?.toISOString() ?? null,
    submittedAt: task.submittedAt?.toISOString() ?? null,
    completedAt: task.completedAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    myRoles: roles,
    actions: availableActions(task.status as TaskStatus, roles),
    mayUrge: can(subject, 'task.urge', taskResource(facts, oversight)),
    archive,
    assignUnitId: assigning?.unitId ?? null,
    extensions: task.extensions.map((e) => ({
      id: e.id,
      reason: e.reason,
      fromDueDate: e.fromDueDate,
      toDueDate: e.toDueDate,
      status: e.status,
      requestedByName: nameOf(e.requestedById),
      decidedByName: nameOf(e.decidedById),
      decisionNote: e.decisionNote,
      createdAt: e.createdAt.toISOString(),
      decidedAt: e.decidedAt?.toISOString() ?? null,
    })),
    coordinations: task.coordinations.map((c) => ({
      id: c.id,
      difficulty: c.difficulty,
      units: (JSON.parse(c.unitIds) as string[]).map((id) => ({ id, name: unitName.get(id) ?? null })),
      status: c.status,
      outcome: c.outcome,
      raisedByName: nameOf(c.raisedById),
      resolvedByName: nameOf(c.resolvedById),
      createdAt: c.createdAt.toISOString(),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
    })),
    timeline: task.events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind as EventKind,
      text: e.text,
      percent: e.percent,
      actorId: e.actorId,
      actorName: e.actor?.displayName ?? null,
      unitId: e.unitId,
      unitName: e.unitId ? (unitName.get(e.unitId) ?? null) : null,
      detail: JSON.parse(e.detail) as Record<string, unknown>,
      attachments: task.attachments.filter((a) => a.eventId === e.id).map(attachment),
    })),
    /** Files the caller uploaded and has not yet sent with a report. */
    pendingAttachments: task.attachments
      .filter((a) => a.eventId === null && maySeeAttachment(subject, a))
      .map(attachment),
  };
}

export type TaskDetail = Awaited<ReturnType<typeof taskDetail>>;
