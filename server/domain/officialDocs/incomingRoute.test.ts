// A 收文 on the same route engine as a 发文: 拟办 → 批办 → 承办 (lead and helper units at once) → 传阅 (each reader) →
// 办结 by its single handler, the plan rules of each direction, and what the closing step allows.
import { describe, expect, it } from 'vitest';
import {
  applyRouteAction,
  offeredActions,
  routeRoles,
  waitingFor,
  type Actor,
  type RouteCommand,
} from './routeEngine.ts';
import { planProblem } from './routePlan.ts';
import { newRoute, type Route, type StepPlan } from './vocabulary.ts';

const step = (id: string, over: Partial<StepPlan> = {}): StepPlan => ({
  id,
  name: id,
  kind: 'single',
  mode: 'all',
  opinion: 'propose',
  handlers: [],
  candidates: null,
  skipWhenUrgent: false,
  ...over,
});

/** The clerk proposes (k), a leader instructs (l), two units handle (u1 leads, u2 helps), two read (r1, r2), k concludes. */
const PLAN: StepPlan[] = [
  step('propose', { handlers: ['k'] }),
  step('instruct', { opinion: 'instruct', handlers: ['l'] }),
  step('undertake', { kind: 'parallel', opinion: 'undertake', handlers: ['u1', 'u2'] }),
  step('circulate', { kind: 'parallel', opinion: 'circulate', handlers: ['r1', 'r2'] }),
  step('conclude', { opinion: 'conclude', handlers: ['k'] }),
];

const who = (userId: string, over: Partial<Actor> = {}): Actor => ({ userId, actingFor: [], office: false, ...over });

function play(route: Route, ...moves: Array<[string, RouteCommand]>): Route {
  for (const [person, command] of moves) {
    const outcome = applyRouteAction(route, who(person), command);
    if (!outcome.ok) throw new Error(`${person} ${command.action}: ${outcome.reason} ${outcome.detail ?? ''}`);
    route = outcome.route;
  }
  return route;
}

const refusal = (route: Route, person: string, command: RouteCommand) => {
  const outcome = applyRouteAction(route, who(person), command);
  return outcome.ok ? 'ok' : outcome.reason;
};

const registered = () => newRoute('k', 'incoming');
const submitted = (plan = PLAN) => play(registered(), ['k', { action: 'submit', plan, urgent: false }]);

describe('a 收文 route', () => {
  it('goes 拟办 → 批办 → 承办 → 传阅 → 办结, each reader recorded, and closes', () => {
    let route = submitted();
    expect(route.direction).toBe('incoming');
    expect(waitingFor(route)).toEqual(['k']);
    route = play(route, ['k', { action: 'approve' }], ['l', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['u1', 'u2']);
    route = play(route, ['u2', { action: 'approve' }], ['u1', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['r1', 'r2']);
    const read = applyRouteAction(route, who('r2'), { action: 'approve' });
    expect(read.ok && read.acted).toMatchObject({ stepId: 'circulate', opinion: 'circulate', onBehalfOf: null });
    route = play(route, ['r2', { action: 'approve' }], ['r1', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['k']);
    expect(routeRoles(route, who('k'))).toEqual(['drafter', 'finisher']);
    expect(refusal(route, 'k', { action: 'approve' })).toBe('use_finish');
    expect(refusal(route, 'k', { action: 'signOff' })).toBe('use_finish');
    expect(offeredActions(route, who('k')).sort()).toEqual(['finish', 'open', 'return', 'transfer']);
    const finished = applyRouteAction(route, who('k'), { action: 'finish' });
    expect(finished.ok && finished.acted).toMatchObject({ stepId: 'conclude', opinion: 'conclude' });
    route = play(route, ['k', { action: 'finish' }]);
    expect(route.status).toBe('finished');
    expect(waitingFor(route)).toEqual([]);
    expect(route.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(refusal(route, 'k', { action: 'finish' })).toBe('closed');
    expect(refusal(route, 'k', { action: 'edit' })).toBe('closed');
  });

  it('lets a reader who has read not read again, and a leader return it to the clerk for a new 拟办', () => {
    let route = play(submitted(), ['k', { action: 'approve' }]);
    route = play(route, ['l', { action: 'return', reason: '请先征求财政局意见', to: 0 }]);
    expect(waitingFor(route)).toEqual(['k']);
    route = play(route, ['k', { action: 'approve' }], ['l', { action: 'approve' }]);
    route = play(route, ['u1', { action: 'approve' }], ['u2', { action: 'approve' }], ['r1', { action: 'approve' }]);
    expect(refusal(route, 'r1', { action: 'approve' })).toBe('already_acted');
    expect(refusal(route, 'l', { action: 'approve' })).toBe('moved_on');
  });

  it('is never numbered, sealed nor distributed: those belong to 发文', () => {
    const route = play(
      submitted([step('propose', { handlers: ['k'] }), step('conclude', { opinion: 'conclude', handlers: ['k'] })]),
      ['k', { action: 'approve' }],
      ['k', { action: 'finish' }],
    );
    for (const action of ['number', 'seal', 'distribute'] as const)
      expect(refusal(route, 'k', { action } as RouteCommand)).toBe('closed');
  });

  it('refuses 办结 on a 发文 route: its last step is the 签发', () => {
    const out = play(newRoute('d'), [
      'd',
      { action: 'submit', plan: [step('s', { opinion: 'signoff', handlers: ['s'] })], urgent: false },
    ]);
    expect(refusal(out, 's', { action: 'finish' })).toBe('use_sign_off');
    expect(refusal(out, 'x', { action: 'finish' })).toBe('role');
  });
});

describe('route plans by direction', () => {
  it.each([
    [[step('p', { handlers: ['k'] })], 'the last step must be the conclusion (办结)'],
    [
      [step('p', { handlers: ['k'] }), step('s', { opinion: 'signoff', handlers: ['s'] })],
      'the last step must be the conclusion (办结)',
    ],
    [
      [step('r', { opinion: 'review', handlers: ['k'] }), step('c', { opinion: 'conclude', handlers: ['k'] })],
      'step r: an incoming route has no review step',
    ],
    [
      [step('c', { opinion: 'conclude', kind: 'parallel', handlers: ['k'] })],
      'the conclusion step has a single handler',
    ],
    [
      [step('c', { opinion: 'conclude', handlers: ['k'], skipWhenUrgent: true })],
      'the urgent route cannot skip the conclusion',
    ],
    [
      [step('c', { opinion: 'conclude', handlers: ['k'] }), step('d', { opinion: 'conclude', handlers: ['k'] })],
      'only the last step is a conclusion',
    ],
  ] as Array<[StepPlan[], string]>)('refuses a bad 收文 plan: %#', (plan, problem) => {
    expect(planProblem(plan, 'incoming')).toBe(problem);
    expect(refusal(registered(), 'k', { action: 'submit', plan, urgent: false })).toBe('bad_plan');
  });

  it('keeps 发文 plans to the 发文 opinions, and reads a route without a direction as 发文', () => {
    expect(planProblem(PLAN)).toBe('the last step must be the sign-off (签发)');
    expect(
      planProblem([step('p', { handlers: ['k'] }), step('s', { opinion: 'signoff', handlers: ['s'] })], 'outgoing'),
    ).toBe('step p: an outgoing route has no propose step');
    expect(planProblem(PLAN, 'incoming')).toBeNull();
    const legacy: Route = { ...newRoute('d') };
    delete legacy.direction;
    expect(refusal(legacy, 'd', { action: 'submit', plan: PLAN, urgent: false })).toBe('bad_plan');
  });
});
