// The words of the 办文 route engine: the statuses a 公文 goes through, the actions people take on it, the parts they
// play, and the shapes of steps and handlers. Pure data, shared by the engine, the policies and the tests.
import type { Direction, OpinionKind } from '../../../common/officialDocs/catalogue.ts';

/**
 * 发文: 拟稿 → 流转中 (审核, 会签) → 已签发 → 已编号 → 已用印 → 已分发. 收文: 已登记 (draft) → 流转中 (拟办, 批办, 承办, 传阅)
 * → 已办结 (finished). A return to the drafter (the registering clerk) or a withdrawal of the first step is draft again.
 */
export const ROUTE_STATUSES = [
  'draft',
  'in_route',
  'signed_off',
  'numbered',
  'sealed',
  'distributed',
  'finished',
  // 已归档: a completed 公文 packaged into the archive (commands/archive); only the status column says so, the route
  // keeps the status it closed in.
  'archived',
] as const;
export type RouteStatus = (typeof ROUTE_STATUSES)[number];

export const ROUTE_ACTIONS = [
  'edit', // the drafter changes the 公文's fields
  'submit', // 送审: into the route
  'open', // a handler opens the step (after which the sender can no longer withdraw)
  'approve', // 审核 or 会签 with an opinion
  'return', // 退回 to the drafter or an earlier step, with a reason
  'withdraw', // 撤回 by the sender before the next handler opened it
  'addCountersigner', // 加签
  'transfer', // 转办 one's own handling to another person
  'signOff', // 签发
  'number', // 编号: the 发文字号
  'seal', // 用印
  'distribute', // 分发
  'finish', // 办结 of a 收文, with its result
] as const;
export type RouteAction = (typeof ROUTE_ACTIONS)[number];

/**
 * The parts a person plays in a 公文 now; one person may play several. handler: a handler of the current step whose
 * turn it is (also through a delegation 代理); signer: the same on the 签发 step; finisher: the same on a 收文's 办结
 * step; sender: who sent the document to the current step; office: the issuing unit's 办公室, which numbers, seals and
 * distributes.
 */
export const ROUTE_ROLES = ['drafter', 'sender', 'handler', 'signer', 'finisher', 'office', 'none'] as const;
export type RouteRole = (typeof ROUTE_ROLES)[number];

/** single: one handler (or any one of a pool); serial: handlers one after another; parallel: 会签 all at once. */
export const STEP_KINDS = ['single', 'serial', 'parallel'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** For a parallel step: all must act, or the first to act completes it. */
export const PARALLEL_MODES = ['all', 'any'] as const;
export type ParallelMode = (typeof PARALLEL_MODES)[number];

/** One step of a route as submitted, its handlers resolved to people. */
export interface StepPlan {
  id: string;
  name: string;
  kind: StepKind;
  mode: ParallelMode;
  opinion: OpinionKind;
  /** The handlers; empty when the previous handler chooses them from `candidates`. */
  handlers: readonly string[];
  /** Chosen by the previous handler (or the drafter, for the first step) from this list; null: fixed handlers. */
  candidates: readonly string[] | null;
  /** An urgent (特急) route skips this step. */
  skipWhenUrgent: boolean;
}

/**
 * waiting: a serial step's later handler; pending: their turn; opened: they opened it; done: acted; transferred: handed
 * on (转办); released: someone else completed a single or any-mode step first.
 */
export const HANDLER_STATES = ['waiting', 'pending', 'opened', 'done', 'transferred', 'released'] as const;
export type HandlerStateName = (typeof HANDLER_STATES)[number];

export interface HandlerState {
  userId: string;
  state: HandlerStateName;
  /** Who added this handler: by 加签 or 转办; null for the route's own handlers. */
  addedBy: string | null;
  /** Who acted for this handler under a delegation (代理), when not the handler. */
  actedBy: string | null;
}

export const STEP_STATES = ['future', 'active', 'done', 'skipped'] as const;
export type StepStateName = (typeof STEP_STATES)[number];

export interface StepState extends Omit<StepPlan, 'handlers'> {
  state: StepStateName;
  handlers: HandlerState[];
}

export interface Route {
  /** Absent on routes written before 收文 existed: those are all 发文. */
  direction?: Direction;
  status: RouteStatus;
  drafterId: string;
  urgent: boolean;
  steps: StepState[];
  /** The index of the current step; -1 before submission. */
  current: number;
  /** Who sent the document to the current step and from which step (-1: the drafter's submission). */
  sentBy: { userId: string; from: number } | null;
  /** The last return, while the document waits at the drafter or the step it was returned to. */
  returned: { byId: string; reason: string; to: number } | null;
}

export function newRoute(drafterId: string, direction: Direction = 'outgoing'): Route {
  return { direction, status: 'draft', drafterId, urgent: false, steps: [], current: -1, sentBy: null, returned: null };
}

export const routeDirection = (route: Route): Direction => route.direction ?? 'outgoing';
