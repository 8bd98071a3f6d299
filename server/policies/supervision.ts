// Supervision (督查督办) authorisation: who may create tasks, which parts a person plays in a task, and so which
// lifecycle actions they may take (the table itself is the pure lifecycle in domain/supervision). Clearance comes
// first; administrators (三员分立) hold no business role and see no tasks.
import type { Subject } from '../auth/subject.ts';
import { Forbidden, InvalidState } from '../errors.ts';
import { concealed } from './concealment.ts';
import { decide } from '../domain/supervision/lifecycle.ts';
import {
  OPEN_STATUSES,
  TASK_ACTIONS,
  type BasisType,
  type TaskAction,
  type TaskRole,
  type TaskStatus,
} from '../domain/supervision/vocabulary.ts';
import { business, clearedFor, handlesForUnit, isLeader, isSupervisor } from './predicates.ts';

/** What the rules need to know about a task. */
export interface TaskFacts {
  id: string;
  status: TaskStatus;
  classification: number;
  leadUnitId: string;
  coUnitIds: readonly string[];
  /** Units named in the task's coordination requests (协调申请). */
  coordinationUnitIds: readonly string[];
  ownerId: string | null;
  coOwnerIds: readonly string[];
  supervisorId: string;
  /** The supervisor's unit (督查室): its supervisors act on the task with them. */
  supervisorUnitId: string;
  createdById: string;
  instructedById: string | null;
}

/** The units a subject oversees: their own unit and every unit below it in the tree (a leader's reach). */
export type Oversight = ReadonlySet<string>;

export function overseenUnits(
  subject: Subject,
  units: ReadonlyArray<{ id: string; parentId: string | null }>,
): Oversight {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const seen = new Set<string>();
  const stack = [subject.unitId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return seen;
}

/** Only a leader's reach goes below their own unit, so only then does anyone need to read the unit tree. */
export function overseesBelowOwnUnit(subject: Subject): boolean {
  return isLeader(subject);
}

/** The parts the subject plays in the task; empty when they may not see it at all. */
export function taskRoles(subject: Subject, task: TaskFacts, oversight: Oversight): TaskRole[] {
  if (!business(subject) || !clearedFor(subject, task.classification)) return [];
  const roles: TaskRole[] = [];
  if (isSupervisor(subject) && (task.supervisorId === subject.id || task.supervisorUnitId === subject.unitId))
    roles.push('supervisor');
  if (task.leadUnitId === subject.unitId) roles.push(handlesForUnit(subject) ? 'lead_handler' : 'lead_member');
  if (task.ownerId === subject.id) roles.push('owner');
  if (task.coOwnerIds.includes(subject.id)) roles.push('co_owner');
  if (task.coUnitIds.includes(subject.unitId)) roles.push(handlesForUnit(subject) ? 'co_handler' : 'co_member');
  // The units asked to help hear the outcome of the coordination with a link to the task: their heads may read it.
  if (handlesForUnit(subject) && task.coordinationUnitIds.includes(subject.unitId)) roles.push('coordinating_handler');
  const oversees =
    isLeader(subject) && (oversight.has(task.leadUnitId) || task.coUnitIds.some((u) => oversight.has(u)));
  if (oversees || task.instructedById === subject.id || task.createdById === subject.id) roles.push('leader_viewer');
  return roles;
}

/** Supervisors see every task they are cleared for (the supervision desk); others need a part in it. */
export function canViewTask(subject: Subject, task: TaskFacts, oversight: Oversight): boolean {
  if (!business(subject) || !clearedFor(subject, task.classification)) return false;
  return isSupervisor(subject) || taskRoles(subject, task, oversight).length > 0;
}

/** Refuses unless the subject may see the task; a task one may not see does not exist for them (404, audited). */
export function authorizeTaskView(
  subject: Subject,
  task: TaskFacts,
  oversight: Oversight,
  action: string = 'task.view',
): TaskRole[] {
  if (!canViewTask(subject, task, oversight))
    throw concealed(
      subject,
      { what: 'task', resourceType: 'supervision_task', id: task.id, classification: task.classification },
      action,
    );
  return taskRoles(subject, task, oversight);
}

/**
 * Refuses an action the lifecycle does not allow here (409: archived or not in this status) or not for this person
 * (403), and returns the status it leads to.
 */
export function authorizeTaskAction(
  subject: Subject,
  task: TaskFacts,
  action: TaskAction,
  oversight: Oversight,
): TaskStatus {
  const roles = authorizeTaskView(subject, task, oversight, `task.${action}`);
  const verdict = decide(task.status, action, roles);
  if (verdict.ok) return verdict.to;
  if (verdict.reason === 'archived')
    throw new InvalidState('task_archived', 'The task is closed (已办结) and can no longer change');
  if (verdict.reason === 'invalid_transition')
    throw new InvalidState('invalid_transition', `Cannot ${action} a task that is ${task.status}`);
  throw new Forbidden('task_forbidden', `Your part in this task does not allow ${action}`);
}

/**
 * 催办: the task's supervisors (its 督办人 and the 督查室 they sit in) urge those who carry it, while the work is still
 * owed (not once it waits for acceptance or is closed).
 */
export function mayUrgeTask(subject: Subject, task: TaskFacts, oversight: Oversight): boolean {
  return (
    (OPEN_STATUSES as readonly TaskStatus[]).includes(task.status) &&
    taskRoles(subject, task, oversight).includes('supervisor')
  );
}

/** Supervisors raise tasks on any basis; leaders raise tasks from their own instructions (领导批示). */
export function canCreateTask(subject: Subject, basis: BasisType): boolean {
  if (isSupervisor(subject)) return true;
  return isLeader(subject) && basis === 'leader_instruction';
}

/** A supervisor records anyone's instruction (领导批示) as a task's basis; a leader only their own. */
export function mayRecordInstruction(subject: Subject, leaderId: string): boolean {
  return isSupervisor(subject) || (isLeader(subject) && leaderId === subject.id);
}

/** Whether a person may be the supervisor of a task (督办人), and so who supervises a task its supervisor raises. */
export function canSupervise(person: Subject): boolean {
  return isSupervisor(person);
}

/** Whether a person may be named as the leader who gave an instruction (领导批示). */
export function canInstruct(person: Subject): boolean {
  return isLeader(person);
}

/**
 * Which tasks a list may show the subject, as plain facts a query can use: supervisors see all they are cleared
 * for, others the tasks of the units they belong to or oversee, and tasks they own, co-own, created or instructed.
 */
export interface TaskVisibility {
  none: boolean;
  all: boolean;
  clearance: number;
  userId: string;
  /** Units whose tasks (as lead or co-unit) are visible. */
  unitIds: string[];
}

export function taskVisibility(subject: Subject, oversight: Oversight): TaskVisibility {
  const base = { clearance: subject.clearance, userId: subject.id };
  if (!business(subject)) return { ...base, none: true, all: false, unitIds: [] };
  if (isSupervisor(subject)) return { ...base, none: false, all: true, unitIds: [] };
  return { ...base, none: false, all: false, unitIds: isLeader(subject) ? [...oversight] : [subject.unitId] };
}

export type StatisticsScope = { all: true } | { all: false; unitIds: string[] };

/** Whose statistics the subject may read: supervisors all units, leaders the units they oversee, others their own. */
export function statisticsScope(subject: Subject, oversight: Oversight): StatisticsScope {
  if (!business(subject)) throw new Forbidden('forbidden', 'Administrators have no access to supervision');
  if (isSupervisor(subject)) return { all: true };
  return { all: false, unitIds: isLeader(subject) ? [...oversight] : [subject.unitId] };
}

/** Refuses the statistics of one named unit outside the scope. */
export function authorizeStatisticsUnit(scope: StatisticsScope, unitId: string | undefined): void {
  if (unitId && !scope.all && !scope.unitIds.includes(unitId))
    throw new Forbidden('statistics_forbidden', 'You may not read this unit’s statistics');
}

/** The leader dashboard is for leaders and supervisors. */
export function canUseLeaderDashboard(subject: Subject): boolean {
  return isLeader(subject) || isSupervisor(subject);
}

/**
 * The unit whose people the subject may hand work to in this task (一级抓一级: within one's own unit): the lead unit
 * for its handlers, the co-unit for a co-unit's handlers.
 */
export function assigningUnit(subject: Subject, task: TaskFacts): { unitId: string; lead: boolean } | null {
  if (!business(subject) || !handlesForUnit(subject)) return null;
  if (task.leadUnitId === subject.unitId) return { unitId: subject.unitId, lead: true };
  if (task.coUnitIds.includes(subject.unitId)) return { unitId: subject.unitId, lead: false };
  return null;
}

/** A task as the rules see it: its facts and the units the subject oversees (overseenUnits). */
export interface TaskResource {
  kind: 'task';
  facts: TaskFacts;
  oversight: Oversight;
}

export function taskResource(facts: TaskFacts, oversight: Oversight): TaskResource {
  return { kind: 'task', facts, oversight };
}

/** The basis of a task about to be raised; without one, task.create asks whether the subject raises tasks at all. */
export interface TaskBasisResource {
  kind: 'taskBasis';
  basisType: BasisType;
}

/** The leader whose instruction a new task records. */
export interface InstructionResource {
  kind: 'instruction';
  leaderId: string;
}

type Rule = (s: Subject, r: { kind: string }) => boolean;
const onTask =
  (rule: (s: Subject, t: TaskResource) => boolean): Rule =>
  (s, r) =>
    r.kind === 'task' && rule(s, r as TaskResource);
/** A lifecycle action is allowed when the lifecycle table allows it now for one of the parts the subject plays. */
const lifecycle = (action: TaskAction): Rule =>
  onTask(
    (s, t) =>
      canViewTask(s, t.facts, t.oversight) && decide(t.facts.status, action, taskRoles(s, t.facts, t.oversight)).ok,
  );

type LifecycleRules = { [A in TaskAction as `task.${A}`]: Rule };
const lifecycleRules = Object.fromEntries(TASK_ACTIONS.map((a) => [`task.${a}`, lifecycle(a)])) as LifecycleRules;

/** Supervision actions, mounted in the RULES of index.ts. */
export const supervisionRules = {
  'task.create': (s: Subject, r: { kind: string }) =>
    canCreateTask(s, r.kind === 'taskBasis' ? (r as TaskBasisResource).basisType : 'leader_instruction'),
  /** Raise tasks on any basis, not only on one's own instructions. */
  'task.createAnyBasis': (s: Subject) => isSupervisor(s),
  'task.recordInstruction': (s: Subject, r: { kind: string }) =>
    r.kind === 'instruction' && mayRecordInstruction(s, (r as InstructionResource).leaderId),
  'task.view': onTask((s, t) => canViewTask(s, t.facts, t.oversight)),
  ...lifecycleRules,
  'task.urge': onTask((s, t) => mayUrgeTask(s, t.facts, t.oversight)),
  /** The supervision desk: every task one is cleared for. */
  'supervision.desk': (s: Subject) => isSupervisor(s),
  'supervision.dashboard': (s: Subject) => canUseLeaderDashboard(s),
  'supervision.statistics': (s: Subject) => business(s),
  'supervision.statistics.allUnits': (s: Subject) => isSupervisor(s),
  /** Look up supervisors and leaders to name on a task (administrators take no part in supervision). */
  'supervision.directory': (s: Subject) => business(s),
};

/** The capabilities the client may offer in the supervision module (the server still checks every call). */
export function supervisionCapabilities(subject: Subject) {
  const may = (action: keyof typeof supervisionRules) =>
    (supervisionRules[action] as Rule)(subject, { kind: 'system' });
  return {
    create: may('task.create'),
    createAnyBasis: may('task.createAnyBasis'),
    desk: may('supervision.desk'),
    dashboard: may('supervision.dashboard'),
    statisticsAllUnits: may('supervision.statistics.allUnits'),
  };
}

/**
 * An attachment not yet part of a report or decision (uploaded, not submitted) is seen only by the person who uploaded
 * it; once submitted it is seen by whoever may see the task.
 */
export function maySeeAttachment(
  subject: Subject,
  attachment: { eventId: string | null; uploadedById: string },
): boolean {
  return attachment.eventId !== null || attachment.uploadedById === subject.id;
}
