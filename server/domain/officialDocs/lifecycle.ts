// The 办文 route lifecycle as a pure transition table, for 发文 and 收文 alike: in which status each action is legal, who
// may take it and where it can lead. The route engine (routeEngine.ts) asks decide() first, then works out the
// step-level result. 发文 ends 已分发 after 签发, 编号, 用印; 收文 ends 已办结 by the handler of its 办结 step.
import type { RouteAction, RouteRole, RouteStatus } from './vocabulary.ts';

export interface Transition {
  /** The statuses the action can lead to (a return or withdrawal goes back to 拟稿 or stays in the route). */
  to: readonly RouteStatus[];
  /** Any of these roles may take the action. */
  roles: readonly RouteRole[];
}

/** The statuses that end a route: 已分发 (发文) and 已办结 (收文) allow nothing. */
export const CLOSED_STATUSES: readonly RouteStatus[] = ['distributed', 'finished', 'archived'];

/** The whole lifecycle. An action missing from a status is illegal there; a closed status allows nothing. */
export const TRANSITIONS: Readonly<Record<RouteStatus, Partial<Record<RouteAction, Transition>>>> = {
  draft: {
    edit: { to: ['draft'], roles: ['drafter'] },
    submit: { to: ['in_route'], roles: ['drafter'] },
  },
  in_route: {
    open: { to: ['in_route'], roles: ['handler', 'signer', 'finisher'] },
    approve: { to: ['in_route'], roles: ['handler'] },
    return: { to: ['in_route', 'draft'], roles: ['handler', 'signer', 'finisher'] },
    withdraw: { to: ['in_route', 'draft'], roles: ['sender'] },
    addCountersigner: { to: ['in_route'], roles: ['handler'] },
    transfer: { to: ['in_route'], roles: ['handler', 'signer', 'finisher'] },
    signOff: { to: ['signed_off'], roles: ['signer'] },
    finish: { to: ['finished'], roles: ['finisher'] },
  },
  signed_off: {
    number: { to: ['numbered'], roles: ['office'] },
  },
  numbered: {
    seal: { to: ['sealed'], roles: ['office'] },
  },
  sealed: {
    distribute: { to: ['distributed'], roles: ['office'] },
  },
  distributed: {},
  finished: {},
  archived: {},
};

export type Verdict =
  | { ok: true; to: readonly RouteStatus[] }
  /** closed: distributed or finished; invalid_transition: not in this status; role: not for the caller's parts. */
  | { ok: false; reason: 'closed' | 'invalid_transition' | 'role' };

export function decide(status: RouteStatus, action: RouteAction, roles: readonly RouteRole[]): Verdict {
  if (CLOSED_STATUSES.includes(status)) return { ok: false, reason: 'closed' };
  const rule = TRANSITIONS[status][action];
  if (!rule) return { ok: false, reason: 'invalid_transition' };
  if (!roles.some((r) => rule.roles.includes(r))) return { ok: false, reason: 'role' };
  return { ok: true, to: rule.to };
}

/** The actions a person with these roles may take now (drives the buttons the client offers). */
export function availableActions(status: RouteStatus, roles: readonly RouteRole[]): RouteAction[] {
  const table = TRANSITIONS[status];
  return (Object.keys(table) as RouteAction[]).filter((a) => decide(status, a, roles).ok);
}
