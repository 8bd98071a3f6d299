// The 办文 route engine, for 发文 and 收文 alike: a pure function from a route, a person and what they do to the next
// route. decide() (the transition table) says whether the action is legal in the status for the person's parts; the
// engine then works out the step: serial turns, 会签 all/any, urgent skips, 退回, 撤回, 加签, 转办, 代理, and the
// closing step (签发 of a 发文, 办结 of a 收文). No I/O, no clock.
import type { OpinionKind } from '../../../common/officialDocs/catalogue.ts';
import { availableActions, decide } from './lifecycle.ts';
import { planProblem } from './routePlan.ts';
import {
  routeDirection,
  type HandlerState,
  type Route,
  type RouteAction,
  type RouteRole,
  type RouteStatus,
  type StepPlan,
  type StepState,
} from './vocabulary.ts';

/** Who acts: themselves, for the people who delegated to them now (代理), and whether they are the issuing office. */
export interface Actor {
  userId: string;
  /** People whose steps this person may handle now under a delegation; not including themselves. */
  actingFor: readonly string[];
  office: boolean;
}

export type RouteCommand =
  | { action: 'edit' }
  | { action: 'submit'; plan: readonly StepPlan[]; urgent: boolean; choose?: readonly string[] }
  | { action: 'open' }
  | { action: 'approve'; choose?: readonly string[] }
  | { action: 'return'; reason: string; to: number | 'drafter' }
  | { action: 'withdraw' }
  | { action: 'addCountersigner'; userIds: readonly string[] }
  | { action: 'transfer'; toUserId: string }
  | { action: 'signOff' }
  | { action: 'finish' }
  | { action: 'number' }
  | { action: 'seal' }
  | { action: 'distribute' };

/** Why an action is refused; the policies turn each into a 403 (role) or a 4xx with a clear message. */
export const REFUSALS = [
  // from the transition table
  'closed',
  'invalid_transition',
  'role',
  // the person was a handler, but not now
  'already_acted',
  'moved_on',
  'not_your_turn',
  'use_sign_off',
  'use_finish',
  // bad input
  'bad_plan',
  'reason_required',
  'choose_required',
  'choose_not_candidate',
  'bad_return_target',
  'already_opened',
  'not_countersign_step',
  'already_handler',
  'nobody_named',
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** What the person did on a step, for the opinion sheet (办文单): the opinion is recorded by the command. */
export interface Acted {
  stepIndex: number;
  stepId: string;
  opinion: OpinionKind;
  /** The handler the person acted for under a delegation; null when they acted as themselves. */
  onBehalfOf: string | null;
}

export type Outcome =
  { ok: true; route: Route; acted: Acted | null; changed: boolean } | { ok: false; reason: Refusal; detail?: string };

const ACTIVE: readonly string[] = ['pending', 'opened'];
const EFFECTIVE: readonly string[] = ['waiting', 'pending', 'opened', 'done'];

const refuse = (reason: Refusal, detail?: string): Outcome => ({
  ok: false,
  reason,
  ...(detail === undefined ? {} : { detail }),
});

const clone = (route: Route): Route => structuredClone(route);

/** The entry of the current step this person handles now: their own first, else one they act for. */
function activeEntry(step: StepState | undefined, actor: Actor): HandlerState | undefined {
  if (!step || step.state !== 'active') return undefined;
  const active = step.handlers.filter((h) => ACTIVE.includes(h.state));
  return active.find((h) => h.userId === actor.userId) ?? active.find((h) => actor.actingFor.includes(h.userId));
}

const mine = (h: HandlerState, actor: Actor) =>
  h.userId === actor.userId || h.actedBy === actor.userId || actor.actingFor.includes(h.userId);

/** The part the handler of a closing step plays: they close the route with their own action, not an approval. */
const CLOSING_ROLES: Partial<Record<OpinionKind, RouteRole>> = { signoff: 'signer', conclude: 'finisher' };

/** The parts this person plays in the route now. */
export function routeRoles(route: Route, actor: Actor): RouteRole[] {
  const roles: RouteRole[] = [];
  if (route.drafterId === actor.userId) roles.push('drafter');
  if (route.status === 'in_route') {
    if (route.sentBy?.userId === actor.userId) roles.push('sender');
    const step = route.steps[route.current];
    if (activeEntry(step, actor)) roles.push(CLOSING_ROLES[step!.opinion] ?? 'handler');
  }
  if (actor.office) roles.push('office');
  return roles;
}

/** Why a former or future handler may not act on the current step: a 409 says more than "not yours". */
function whyNotHandler(route: Route, actor: Actor, action: RouteAction): Refusal {
  const step = route.steps[route.current];
  if (step) {
    // The handler of a closing step who picked the wrong verb: say which one closes it.
    if (activeEntry(step, actor) && action !== (step.opinion === 'conclude' ? 'finish' : 'signOff')) {
      if (step.opinion === 'signoff' && (action === 'approve' || action === 'finish')) return 'use_sign_off';
      if (step.opinion === 'conclude' && (action === 'approve' || action === 'signOff')) return 'use_finish';
    }
    if (step.handlers.some((h) => mine(h, actor) && h.state === 'done')) return 'already_acted';
    if (step.handlers.some((h) => mine(h, actor) && h.state === 'waiting')) return 'not_your_turn';
  }
  const earlier = route.steps.slice(0, Math.max(route.current, 0));
  if (earlier.some((s) => s.handlers.some((h) => mine(h, actor)))) return 'moved_on';
  if (route.sentBy?.userId === actor.userId) return 'moved_on';
  return 'role';
}

const HANDLER_ACTIONS: readonly RouteAction[] = [
  'open',
  'approve',
  'return',
  'addCountersigner',
  'transfer',
  'signOff',
  'finish',
];

/** Applies one action by one person. Never throws for bad input: every refusal is an outcome. */
export function applyRouteAction(route: Route, actor: Actor, command: RouteCommand): Outcome {
  const roles = routeRoles(route, actor);
  const verdict = decide(route.status, command.action, roles);
  if (!verdict.ok) {
    if (verdict.reason === 'role' && route.status === 'in_route' && HANDLER_ACTIONS.includes(command.action))
      return refuse(whyNotHandler(route, actor, command.action));
    // Someone who sent the document on before (the drafter, an earlier handler) can no longer take it back.
    if (verdict.reason === 'role' && command.action === 'withdraw' && route.status === 'in_route')
      return refuse(
        route.drafterId === actor.userId || whyNotHandler(route, actor, command.action) !== 'role'
          ? 'moved_on'
          : 'role',
      );
    return refuse(verdict.reason);
  }
  const next = clone(route);
  switch (command.action) {
    case 'edit':
      return { ok: true, route: next, acted: null, changed: false };
    case 'submit':
      return submit(next, actor, command);
    case 'open':
      return open(next, actor);
    case 'approve':
      return approve(next, actor, command.choose);
    case 'return':
      return giveBack(next, actor, command.reason, command.to);
    case 'withdraw':
      return withdraw(next, actor);
    case 'addCountersigner':
      return addCountersigners(next, actor, command.userIds);
    case 'transfer':
      return transfer(next, actor, command.toUserId);
    case 'signOff':
      return close(next, actor, 'signed_off');
    case 'finish':
      return close(next, actor, 'finished');
    case 'number':
      return moved(next, 'numbered');
    case 'seal':
      return moved(next, 'sealed');
    case 'distribute':
      return moved(next, 'distributed');
  }
}

function moved(route: Route, status: RouteStatus): Outcome {
  route.status = status;
  return { ok: true, route, acted: null, changed: true };
}

function freshHandlers(step: StepState, userIds: readonly string[]): HandlerState[] {
  return [...new Set(userIds)].map((userId, i) => ({
    userId,
    state: step.kind === 'serial' && i > 0 ? 'waiting' : 'pending',
    addedBy: null,
    actedBy: null,
  }));
}

/** The people who count on a step when it is played again: everyone who had not handed it on. */
const effectiveUsers = (step: StepState) =>
  step.handlers.filter((h) => EFFECTIVE.includes(h.state) || h.state === 'released').map((h) => h.userId);

function resetStep(step: StepState, state: 'future' | 'active'): void {
  const users = step.candidates !== null && state === 'future' ? [] : effectiveUsers(step);
  step.state = state;
  step.handlers = freshHandlers(step, users);
  if (state === 'future') for (const h of step.handlers) h.state = 'waiting';
}

/** Moves on from step `from` (-1: the drafter) to the next step the route does not skip, with the chosen handlers. */
function advance(route: Route, from: number, sender: string, choose: readonly string[] | undefined): Refusal | null {
  let to = from + 1;
  while (to < route.steps.length && route.urgent && route.steps[to]!.skipWhenUrgent) {
    route.steps[to]!.state = 'skipped';
    route.steps[to]!.handlers = [];
    to += 1;
  }
  const step = route.steps[to];
  if (!step) return 'bad_plan'; // a valid plan ends with a 签发 step that is never skipped
  let users: readonly string[] = step.handlers.map((h) => h.userId);
  if (step.candidates !== null) {
    if (!choose || choose.length === 0) return 'choose_required';
    if (choose.some((u) => !step.candidates!.includes(u))) return 'choose_not_candidate';
    if (step.kind === 'single' && new Set(choose).size !== 1) return 'choose_required';
    users = choose;
  }
  step.state = 'active';
  step.handlers = freshHandlers(step, users);
  route.current = to;
  route.sentBy = { userId: sender, from };
  return null;
}

function submit(
  route: Route,
  actor: Actor,
  command: { plan: readonly StepPlan[]; urgent: boolean; choose?: readonly string[] },
): Outcome {
  const problem = planProblem(command.plan, routeDirection(route));
  if (problem) return refuse('bad_plan', problem);
  route.urgent = command.urgent;
  route.steps = command.plan.map((p) => {
    const step: StepState = {
      ...p,
      candidates: p.candidates ? [...p.candidates] : null,
      state: 'future',
      handlers: [],
    };
    step.handlers = freshHandlers(step, p.handlers).map((h) => ({ ...h, state: 'waiting' }));
    return step;
  });
  route.returned = null;
  route.status = 'in_route';
  const refusal = advance(route, -1, actor.userId, command.choose);
  if (refusal) return refuse(refusal);
  return { ok: true, route, acted: null, changed: true };
}

function open(route: Route, actor: Actor): Outcome {
  const entry = activeEntry(route.steps[route.current], actor)!;
  if (entry.state === 'opened') return { ok: true, route, acted: null, changed: false };
  entry.state = 'opened';
  return { ok: true, route, acted: null, changed: true };
}

function actedOn(route: Route, entry: HandlerState, actor: Actor): Acted {
  const step = route.steps[route.current]!;
  return {
    stepIndex: route.current,
    stepId: step.id,
    opinion: step.opinion,
    onBehalfOf: entry.userId === actor.userId ? null : entry.userId,
  };
}

/** Whether the step is complete after a handler acted, releasing the others of a single or any-mode step. */
function completes(step: StepState): boolean {
  const counted = step.handlers.filter((h) => h.state !== 'transferred' && h.state !== 'released');
  if (step.kind === 'single' || (step.kind === 'parallel' && step.mode === 'any')) {
    if (!counted.some((h) => h.state === 'done')) return false;
    for (const h of counted) if (h.state !== 'done') h.state = 'released';
    return true;
  }
  if (step.kind === 'serial') {
    const next = counted.find((h) => h.state === 'waiting');
    if (next) {
      next.state = 'pending';
      return false;
    }
  }
  return counted.every((h) => h.state === 'done');
}

function approve(route: Route, actor: Actor, choose: readonly string[] | undefined): Outcome {
  const step = route.steps[route.current]!;
  const entry = activeEntry(step, actor)!;
  const acted = actedOn(route, entry, actor);
  entry.state = 'done';
  entry.actedBy = acted.onBehalfOf ? actor.userId : null;
  if (completes(step)) {
    step.state = 'done';
    const refusal = advance(route, route.current, actor.userId, choose);
    if (refusal) return refuse(refusal);
    route.returned = null;
  }
  return { ok: true, route, acted, changed: true };
}

/** 签发 or 办结: the handler of the closing step ends the route; anyone else still on it is released. */
function close(route: Route, actor: Actor, status: 'signed_off' | 'finished'): Outcome {
  const step = route.steps[route.current]!;
  const entry = activeEntry(step, actor)!;
  const acted = actedOn(route, entry, actor);
  entry.state = 'done';
  entry.actedBy = acted.onBehalfOf ? actor.userId : null;
  for (const h of step.handlers) if (ACTIVE.includes(h.state) || h.state === 'waiting') h.state = 'released';
  step.state = 'done';
  route.status = status;
  route.sentBy = null;
  route.returned = null;
  return { ok: true, route, acted, changed: true };
}

function giveBack(route: Route, actor: Actor, reason: string, to: number | 'drafter'): Outcome {
  if (reason.trim() === '') return refuse('reason_required');
  const step = route.steps[route.current]!;
  const entry = activeEntry(step, actor)!;
  const acted = actedOn(route, entry, actor);
  if (to !== 'drafter' && !(Number.isInteger(to) && to >= 0 && to < route.current && route.steps[to]!.state === 'done'))
    return refuse('bad_return_target');
  // The step returned from and every step after the target are played again from the start.
  const from = to === 'drafter' ? 0 : to + 1;
  for (let i = from; i <= route.current; i += 1)
    if (route.steps[i]!.state !== 'skipped') resetStep(route.steps[i]!, 'future');
  if (to === 'drafter') {
    route.status = 'draft';
    route.current = -1;
  } else {
    resetStep(route.steps[to]!, 'active');
    route.current = to;
  }
  route.sentBy = null;
  route.returned = { byId: actor.userId, reason: reason.trim(), to: to === 'drafter' ? -1 : to };
  return { ok: true, route, acted, changed: true };
}

function withdraw(route: Route, actor: Actor): Outcome {
  const step = route.steps[route.current]!;
  if (step.handlers.some((h) => h.state === 'opened' || h.state === 'done' || h.state === 'transferred'))
    return refuse('already_opened');
  const from = route.sentBy!.from;
  if (step.state !== 'skipped') resetStep(step, 'future');
  for (let i = from + 1; i < route.current; i += 1) route.steps[i]!.state = 'future';
  route.sentBy = null;
  if (from === -1) {
    route.status = 'draft';
    route.current = -1;
    return { ok: true, route, acted: null, changed: true };
  }
  // The sender's step is theirs again, as it was before they acted; a single or any-mode step's others get it back too.
  const back = route.steps[from]!;
  back.state = 'active';
  for (const h of back.handlers) {
    if (h.state === 'done' && (h.userId === actor.userId || h.actedBy === actor.userId)) {
      h.state = 'pending';
      h.actedBy = null;
    } else if (h.state === 'released') h.state = 'pending';
  }
  route.current = from;
  return { ok: true, route, acted: null, changed: true };
}

function addCountersigners(route: Route, actor: Actor, userIds: readonly string[]): Outcome {
  const step = route.steps[route.current]!;
  if (step.kind !== 'parallel') return refuse('not_countersign_step');
  if (userIds.length === 0) return refuse('nobody_named');
  const present = new Set(step.handlers.filter((h) => EFFECTIVE.includes(h.state)).map((h) => h.userId));
  if (userIds.some((u) => present.has(u)) || new Set(userIds).size !== userIds.length) return refuse('already_handler');
  // Adding a countersigner is acting on the step: the sender can no longer withdraw it.
  const entry = activeEntry(step, actor)!;
  if (entry.state === 'pending') entry.state = 'opened';
  for (const userId of userIds) step.handlers.push({ userId, state: 'pending', addedBy: actor.userId, actedBy: null });
  return { ok: true, route, acted: null, changed: true };
}

function transfer(route: Route, actor: Actor, toUserId: string): Outcome {
  const step = route.steps[route.current]!;
  const entry = activeEntry(step, actor)!;
  const present = new Set(step.handlers.filter((h) => EFFECTIVE.includes(h.state)).map((h) => h.userId));
  if (present.has(toUserId)) return refuse('already_handler');
  entry.state = 'transferred';
  entry.actedBy = entry.userId === actor.userId ? null : actor.userId;
  // The new handler takes the place (and the turn) of the one who handed it on.
  step.handlers.splice(step.handlers.indexOf(entry) + 1, 0, {
    userId: toUserId,
    state: 'pending',
    addedBy: actor.userId,
    actedBy: null,
  });
  return { ok: true, route, acted: null, changed: true };
}

/** Everyone whose turn it is now (the 待办 of the route). */
export function waitingFor(route: Route): string[] {
  if (route.status !== 'in_route') return [];
  const step = route.steps[route.current];
  if (!step) return [];
  return step.handlers.filter((h) => ACTIVE.includes(h.state)).map((h) => h.userId);
}

/**
 * The actions to offer this person now: what the transition table allows for their parts, less what the step itself
 * rules out (加签 outside a 会签 step, 撤回 once the next handler has opened it).
 */
export function offeredActions(route: Route, actor: Actor): RouteAction[] {
  const step = route.steps[route.current];
  const touched = step?.handlers.some((h) => h.state === 'opened' || h.state === 'done' || h.state === 'transferred');
  return availableActions(route.status, routeRoles(route, actor)).filter((a) => {
    if (a === 'addCountersigner') return step?.kind === 'parallel';
    if (a === 'withdraw') return !touched;
    return true;
  });
}
