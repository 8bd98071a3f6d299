// Supervision (督查督办) authorisation: who may create tasks, which parts a person plays in a task, and so which
// lifecycle actions they may take (the table itself is the pure lifecycle in domain/supervision). Clearance comes
// first; administrators (三员分立) hold no business role and see no tasks.
import type { Subject } from '../auth/subject.ts';
import { Forbidden, InvalidState, NotFound } from '../errors.ts';
import { decide } from '../domain/supervision/lifecycle.ts';
import type { BasisType, TaskAction, TaskRole, TaskStatus } from '../domain/supervision/vocabulary.ts';

/** What the rules need to know about a task. */
export interface TaskFacts {
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

export function overseenUnits(subject: Subject, units: ReadonlyArray<{ id: string; parentId: string | null }>): Oversight {
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

const business = (s: Subject) => s.adminRole === null;
const isSupervisor = (s: Subject) => business(s) && s.roles.includes('supervisor');
const isLeader = (s: Subject) => business(s) && s.roles.includes('leader');
/** Clerks and leaders sign for their unit and hand work down (一级抓一级). */
const handlesForUnit = (s: Subject) => s.roles.includes('clerk') || s.roles.includes('leader');

/** The parts the subject plays in the task; empty when they may not see it at all. */
export function taskRoles(subject: Subject, task: TaskFacts, oversight: Oversight): TaskRole[] {
  if (!business(subject) || subject.clearance < task.classification) return [];
  const roles: TaskRole[] = [];
  if (isSupervisor(subject) && (task.supervisorId === subject.id || task.supervisorUnitId === subject.unitId)) roles.push('supervisor');
  if (task.leadUnitId === subject.unitId) roles.push(handlesForUnit(subject) ? 'lead_handler' : 'lead_member');
  if (task.ownerId === subject.id) roles.push('owner');
  if (task.coOwnerIds.includes(subject.id)) roles.push('co_owner');
  if (task.coUnitIds.includes(subject.unitId)) roles.push(handlesForUnit(subject) ? 'co_handler' : 'co_member');
  // The units asked to help hear the outcome of the coordination with a link to the task: their heads may read it.
  if (handlesForUnit(subject) && task.coordinationUnitIds.includes(subject.unitId)) roles.push('coordinating_handler');
  const oversees = isLeader(subject) && (oversight.has(task.leadUnitId) || task.coUnitIds.some((u) => oversight.has(u)));
  if (oversees || task.instructedById === subject.id || task.createdById === subject.id) roles.push('leader_viewer');
  return roles;
}

/** Supervisors see every task they are cleared for (the supervision desk); others need a part in it. */
export function canViewTask(subject: Subject, task: TaskFacts, oversight: Oversight): boolean {
  if (!business(subject) || subject.clearance < task.classification) return false;
  return isSupervisor(subject) || taskRoles(subject, task, oversight).length > 0;
}

/** Refuses unless the subject may see the task; a task one may not see does not exist for them. */
export function authorizeTaskView(subject: Subject, task: TaskFacts, oversight: Oversight): TaskRole[] {
  if (!canViewTask(subject, task, oversight)) throw new NotFound('task');
  return taskRoles(subject, task, oversight);
}

/**
 * Refuses an action the lifecycle does not allow here (409: archived or not in this status) or not for this person
 * (403), and returns the status it leads to.
 */
export function authorizeTaskAction(subject: Subject, task: TaskFacts, action: TaskAction, oversight: Oversight): TaskStatus {
  const roles = authorizeTaskView(subject, task, oversight);
  const verdict = decide(task.status, action, roles);
  if (verdict.ok) return verdict.to;
  if (verdict.reason === 'archived') throw new InvalidState('task_archived', 'The task is closed (已办结) and can no longer change');
  if (verdict.reason === 'invalid_transition') throw new InvalidState('invalid_transition', `Cannot ${action} a task that is ${task.status}`);
  throw new Forbidden('task_forbidden', `Your part in this task does not allow ${action}`);
}

/** Supervisors raise tasks on any basis; leaders raise tasks from their own instructions (领导批示). */
export function canCreateTask(subject: Subject, basis: BasisType): boolean {
  if (isSupervisor(subject)) return true;
  return isLeader(subject) && basis === 'leader_instruction';
}

/** Whether the subject may be the supervisor of a task (督办人). */
export function canSupervise(person: Subject): boolean {
  return isSupervisor(person);
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

/** Whose statistics the subject may read: supervisors all units, leaders the units they oversee, others their own. */
export function statisticsScope(subject: Subject, oversight: Oversight): { all: true } | { all: false; unitIds: string[] } {
  if (!business(subject)) throw new Forbidden('forbidden', 'Administrators have no access to supervision');
  if (isSupervisor(subject)) return { all: true };
  return { all: false, unitIds: isLeader(subject) ? [...oversight] : [subject.unitId] };
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

/** The capabilities the client may offer in the supervision module (the server still checks every call). */
export function supervisionCapabilities(subject: Subject) {
  return {
    create: canCreateTask(subject, 'leader_instruction'),
    createAnyBasis: isSupervisor(subject),
    desk: isSupervisor(subject),
    dashboard: canUseLeaderDashboard(subject),
    statisticsAllUnits: isSupervisor(subject),
  };
}
