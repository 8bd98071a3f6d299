// The supervision task lifecycle as a pure transition table: in which status each action is legal, who may take it
// and where it leads. The policies derive a person's roles in a task and ask decide(); commands apply the result.
import type { TaskAction, TaskRole, TaskStatus } from './vocabulary.ts';

export interface Transition {
  /** The status after the action; the same status for actions that record something without moving the task. */
  to: TaskStatus;
  /** Any of these roles may take the action. */
  roles: readonly TaskRole[];
}

const HANDLERS: readonly TaskRole[] = ['owner', 'lead_handler'];
const CONTRIBUTORS: readonly TaskRole[] = ['owner', 'co_owner', 'lead_handler', 'co_handler', 'co_member'];

/** The whole lifecycle. An action missing from a status is illegal there; 已办结 (archived) allows nothing. */
export const TRANSITIONS: Readonly<Record<TaskStatus, Partial<Record<TaskAction, Transition>>>> = {
  pending_sign: {
    sign: { to: 'in_progress', roles: ['lead_handler'] },
    co_sign: { to: 'pending_sign', roles: ['co_handler'] },
  },
  in_progress: {
    co_sign: { to: 'in_progress', roles: ['co_handler'] },
    assign: { to: 'in_progress', roles: ['lead_handler', 'co_handler'] },
    report_progress: { to: 'in_progress', roles: CONTRIBUTORS },
    request_extension: { to: 'extension_requested', roles: HANDLERS },
    request_coordination: { to: 'in_progress', roles: HANDLERS },
    record_coordination: { to: 'in_progress', roles: ['supervisor'] },
    submit: { to: 'pending_acceptance', roles: HANDLERS },
  },
  extension_requested: {
    co_sign: { to: 'extension_requested', roles: ['co_handler'] },
    assign: { to: 'extension_requested', roles: ['lead_handler', 'co_handler'] },
    report_progress: { to: 'extension_requested', roles: CONTRIBUTORS },
    approve_extension: { to: 'in_progress', roles: ['supervisor'] },
    refuse_extension: { to: 'in_progress', roles: ['supervisor'] },
    request_coordination: { to: 'extension_requested', roles: HANDLERS },
    record_coordination: { to: 'extension_requested', roles: ['supervisor'] },
  },
  pending_acceptance: {
    record_coordination: { to: 'pending_acceptance', roles: ['supervisor'] },
    accept: { to: 'completed', roles: ['supervisor'] },
    return: { to: 'in_progress', roles: ['supervisor'] },
  },
  completed: {},
};

export type Verdict =
  | { ok: true; to: TaskStatus }
  /** archived: the task is closed; invalid_transition: not in this status; role: not for anyone in the caller's roles. */
  | { ok: false; reason: 'archived' | 'invalid_transition' | 'role' };

export function decide(status: TaskStatus, action: TaskAction, roles: readonly TaskRole[]): Verdict {
  if (status === 'completed') return { ok: false, reason: 'archived' };
  const rule = TRANSITIONS[status][action];
  if (!rule) return { ok: false, reason: 'invalid_transition' };
  if (!roles.some((r) => rule.roles.includes(r))) return { ok: false, reason: 'role' };
  return { ok: true, to: rule.to };
}

/** The actions a person with these roles may take now (drives the buttons the client offers). */
export function availableActions(status: TaskStatus, roles: readonly TaskRole[]): TaskAction[] {
  const table = TRANSITIONS[status];
  return (Object.keys(table) as TaskAction[]).filter((a) => decide(status, a, roles).ok);
}
