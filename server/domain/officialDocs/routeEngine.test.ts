// The route engine played step by step: serial turns, 会签 all/any, urgent skips, returns, withdrawals, 加签, 转办,
// delegation and 签发, and every refusal a person can meet.
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
  opinion: 'review',
  handlers: [],
  candidates: null,
  skipWhenUrgent: false,
  ...over,
});

/** 处室审核 (a), 会签 (b, c in parallel, all must), 办公室核稿 serial (d then e, skipped when urgent), 签发 (s). */
const PLAN: StepPlan[] = [
  step('review', { handlers: ['a'] }),
  step('countersign', { kind: 'parallel', mode: 'all', opinion: 'countersign', handlers: ['b', 'c'] }),
  step('check', { kind: 'serial', handlers: ['d', 'e'], skipWhenUrgent: true }),
  step('signoff', { opinion: 'signoff', handlers: ['s'] }),
];

const who = (userId: string, over: Partial<Actor> = {}): Actor => ({ userId, actingFor: [], office: false, ...over });

/** Applies the actions in order, failing the test on the first refusal. */
function play(route: Route, ...moves: Array<[string | Actor, RouteCommand]>): Route {
  for (const [person, command] of moves) {
    const outcome = applyRouteAction(route, typeof person === 'string' ? who(person) : person, command);
    if (!outcome.ok)
      throw new Error(`${JSON.stringify(person)} ${command.action}: ${outcome.reason} ${outcome.detail ?? ''}`);
    route = outcome.route;
  }
  return route;
}

const refusal = (route: Route, person: string | Actor, command: RouteCommand) => {
  const outcome = applyRouteAction(route, typeof person === 'string' ? who(person) : person, command);
  return outcome.ok ? 'ok' : outcome.reason;
};

const submitted = (plan = PLAN, urgent = false) =>
  play(newRoute('drafter'), ['drafter', { action: 'submit', plan, urgent }]);

describe('a serial route with a parallel 会签', () => {
  it('goes step by step to 签发, serial handlers one after another', () => {
    let route = submitted();
    expect(route.status).toBe('in_route');
    expect(waitingFor(route)).toEqual(['a']);
    route = play(route, ['a', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['b', 'c']);
    route = play(route, ['c', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['b']);
    route = play(route, ['b', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['d']);
    expect(refusal(route, 'e', { action: 'approve' })).toBe('not_your_turn');
    route = play(route, ['d', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['e']);
    route = play(route, ['e', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['s']);
    expect(refusal(route, 's', { action: 'approve' })).toBe('use_sign_off');
    route = play(route, ['s', { action: 'signOff' }]);
    expect(route.status).toBe('signed_off');
    expect(waitingFor(route)).toEqual([]);
    expect(route.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('reports what each person did for the opinion sheet', () => {
    const route = play(submitted(), ['a', { action: 'approve' }]);
    const outcome = applyRouteAction(route, who('b'), { action: 'approve' });
    expect(outcome.ok && outcome.acted).toEqual({
      stepIndex: 1,
      stepId: 'countersign',
      opinion: 'countersign',
      onBehalfOf: null,
    });
  });

  it('refuses acting twice, after the route moved on, and by someone with no part', () => {
    let route = play(submitted(), ['a', { action: 'approve' }], ['b', { action: 'approve' }]);
    expect(refusal(route, 'b', { action: 'approve' })).toBe('already_acted');
    expect(refusal(route, 'a', { action: 'approve' })).toBe('moved_on');
    expect(refusal(route, 'a', { action: 'return', reason: 'x', to: 'drafter' })).toBe('moved_on');
    expect(refusal(route, 'z', { action: 'approve' })).toBe('role');
    expect(refusal(route, 'drafter', { action: 'approve' })).toBe('role');
    expect(refusal(route, 'drafter', { action: 'edit' })).toBe('invalid_transition');
    route = play(route, ['c', { action: 'approve' }]);
    expect(refusal(route, 'c', { action: 'open' })).toBe('moved_on');
  });

  it('completes an any-mode 会签 with the first opinion and releases the others', () => {
    const plan = PLAN.map((s) => (s.id === 'countersign' ? { ...s, mode: 'any' as const } : s));
    let route = play(submitted(plan), ['a', { action: 'approve' }], ['c', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['d']);
    expect(route.steps[1]!.handlers.map((h) => h.state)).toEqual(['released', 'done']);
    expect(refusal(route, 'b', { action: 'approve' })).toBe('moved_on');
  });

  it('lets any one of a pool take a single step', () => {
    const plan = [step('review', { handlers: ['a', 'a2'] }), step('signoff', { opinion: 'signoff', handlers: ['s'] })];
    const route = play(submitted(plan), ['a2', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['s']);
  });
});

describe('the urgent route', () => {
  it('skips the steps marked to skip', () => {
    const route = play(
      submitted(PLAN, true),
      ['a', { action: 'approve' }],
      ['b', { action: 'approve' }],
      ['c', { action: 'approve' }],
    );
    expect(waitingFor(route)).toEqual(['s']);
    expect(route.steps.map((s) => s.state)).toEqual(['done', 'done', 'skipped', 'active']);
    expect(refusal(route, 'd', { action: 'approve' })).toBe('role');
  });

  it('keeps every step on the ordinary route', () => {
    const route = play(
      submitted(PLAN, false),
      ['a', { action: 'approve' }],
      ['b', { action: 'approve' }],
      ['c', { action: 'approve' }],
    );
    expect(waitingFor(route)).toEqual(['d']);
  });
});

describe('退回', () => {
  const atCheck = () =>
    play(submitted(), ['a', { action: 'approve' }], ['b', { action: 'approve' }], ['c', { action: 'approve' }]);

  it('needs a reason', () => {
    expect(refusal(atCheck(), 'd', { action: 'return', reason: '  ', to: 'drafter' })).toBe('reason_required');
  });

  it('to the drafter: back to 拟稿, editable, and submitted again from the first step', () => {
    let route = play(atCheck(), ['d', { action: 'return', reason: '引用文件名称有误', to: 'drafter' }]);
    expect(route.status).toBe('draft');
    expect(route.returned).toEqual({ byId: 'd', reason: '引用文件名称有误', to: -1 });
    expect(refusal(route, 'drafter', { action: 'edit' })).toBe('ok');
    expect(refusal(route, 'b', { action: 'approve' })).toBe('invalid_transition');
    route = play(route, ['drafter', { action: 'submit', plan: PLAN, urgent: false }]);
    expect(waitingFor(route)).toEqual(['a']);
    expect(route.returned).toBeNull();
  });

  it('to an earlier step: that step is played again by its handlers, the steps after it later', () => {
    const route = play(atCheck(), ['d', { action: 'return', reason: '会签意见需统一', to: 1 }]);
    expect(route.status).toBe('in_route');
    expect(route.current).toBe(1);
    expect(waitingFor(route)).toEqual(['b', 'c']);
    expect(route.steps[2]!.state).toBe('future');
    expect(refusal(route, 'd', { action: 'approve' })).toBe('role');
  });

  it('only to a step already done', () => {
    expect(refusal(atCheck(), 'd', { action: 'return', reason: 'x', to: 2 })).toBe('bad_return_target');
    expect(refusal(atCheck(), 'd', { action: 'return', reason: 'x', to: 3 })).toBe('bad_return_target');
    expect(refusal(atCheck(), 'd', { action: 'return', reason: 'x', to: -1 })).toBe('bad_return_target');
    const urgent = play(
      submitted(PLAN, true),
      ['a', { action: 'approve' }],
      ['b', { action: 'approve' }],
      ['c', { action: 'approve' }],
    );
    expect(refusal(urgent, 's', { action: 'return', reason: 'x', to: 2 })).toBe('bad_return_target');
    expect(refusal(urgent, 's', { action: 'return', reason: 'x', to: 1 })).toBe('ok');
  });

  it('by the signer too', () => {
    const route = play(
      submitted(PLAN, true),
      ['a', { action: 'approve' }],
      ['b', { action: 'approve' }],
      ['c', { action: 'approve' }],
      ['s', { action: 'return', reason: '请再斟酌', to: 0 }],
    );
    expect(waitingFor(route)).toEqual(['a']);
  });
});

describe('撤回', () => {
  it('by the drafter before the first handler opened it: back to 拟稿', () => {
    const route = play(submitted(), ['drafter', { action: 'withdraw' }]);
    expect(route.status).toBe('draft');
    expect(route.current).toBe(-1);
  });

  it('by a handler who sent it on, before the next handler opened it: the step is theirs again', () => {
    let route = play(submitted(), ['a', { action: 'approve' }]);
    expect(routeRoles(route, who('a'))).toEqual(['sender']);
    route = play(route, ['a', { action: 'withdraw' }]);
    expect(route.current).toBe(0);
    expect(waitingFor(route)).toEqual(['a']);
    expect(route.steps[1]!.state).toBe('future');
  });

  it('refused once the next handler opened it or acted', () => {
    let route = play(submitted(), ['a', { action: 'approve' }], ['c', { action: 'open' }]);
    expect(refusal(route, 'a', { action: 'withdraw' })).toBe('already_opened');
    route = play(submitted(), ['a', { action: 'approve' }], ['b', { action: 'approve' }]);
    expect(refusal(route, 'a', { action: 'withdraw' })).toBe('already_opened');
    route = play(submitted(), ['drafter', { action: 'withdraw' }]);
    expect(refusal(route, 'drafter', { action: 'withdraw' })).toBe('invalid_transition');
  });

  it('refused to someone who did not send it, or whose sending is past', () => {
    const route = play(
      submitted(),
      ['a', { action: 'approve' }],
      ['b', { action: 'approve' }],
      ['c', { action: 'approve' }],
    );
    expect(refusal(route, 'a', { action: 'withdraw' })).toBe('moved_on');
    expect(refusal(route, 'z', { action: 'withdraw' })).toBe('role');
    expect(refusal(route, 'c', { action: 'withdraw' })).toBe('ok');
  });

  it('of a completed any-mode 会签 gives the step back to everyone on it', () => {
    const plan = PLAN.map((s) => (s.id === 'countersign' ? { ...s, mode: 'any' as const } : s));
    const route = play(
      submitted(plan),
      ['a', { action: 'approve' }],
      ['c', { action: 'approve' }],
      ['c', { action: 'withdraw' }],
    );
    expect(waitingFor(route)).toEqual(['b', 'c']);
  });

  it('of an urgent skip lands back on the sender’s step', () => {
    const route = play(
      submitted(PLAN, true),
      ['a', { action: 'approve' }],
      ['b', { action: 'approve' }],
      ['c', { action: 'approve' }],
      ['c', { action: 'withdraw' }],
    );
    expect(waitingFor(route)).toEqual(['c']);
    expect(route.steps.map((s) => s.state)).toEqual(['done', 'active', 'future', 'future']);
  });
});

describe('加签 and 转办', () => {
  it('a countersigner added to a 会签 must also sign before the route moves on', () => {
    let route = play(submitted(), ['a', { action: 'approve' }], ['b', { action: 'addCountersigner', userIds: ['x'] }]);
    expect(waitingFor(route)).toEqual(['b', 'c', 'x']);
    route = play(route, ['b', { action: 'approve' }], ['c', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['x']);
    route = play(route, ['x', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['d']);
  });

  it('only on a 会签 step, for someone not already on it', () => {
    const route = play(submitted(), ['a', { action: 'approve' }]);
    expect(refusal(route, 'b', { action: 'addCountersigner', userIds: ['c'] })).toBe('already_handler');
    expect(refusal(route, 'b', { action: 'addCountersigner', userIds: [] })).toBe('nobody_named');
    expect(refusal(submitted(), 'a', { action: 'addCountersigner', userIds: ['x'] })).toBe('not_countersign_step');
  });

  it('a transfer hands the turn over; the one who transferred no longer acts', () => {
    let route = play(submitted(), ['a', { action: 'transfer', toUserId: 'a2' }]);
    expect(waitingFor(route)).toEqual(['a2']);
    expect(refusal(route, 'a', { action: 'approve' })).toBe('role');
    expect(refusal(route, 'drafter', { action: 'withdraw' })).toBe('already_opened');
    route = play(route, ['a2', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['b', 'c']);
    expect(refusal(route, 'b', { action: 'transfer', toUserId: 'c' })).toBe('already_handler');
  });

  it('in a serial step, the new handler takes the turn and the next still waits', () => {
    const plan = [
      step('check', { kind: 'serial', handlers: ['d', 'e'] }),
      step('s', { opinion: 'signoff', handlers: ['s'] }),
    ];
    let route = play(submitted(plan), ['d', { action: 'transfer', toUserId: 'd2' }]);
    expect(waitingFor(route)).toEqual(['d2']);
    route = play(route, ['d2', { action: 'approve' }]);
    expect(waitingFor(route)).toEqual(['e']);
  });
});

describe('代理 (delegation)', () => {
  it('a deputy acts for the handler, recorded as on their behalf', () => {
    const route = play(submitted(), ['a', { action: 'approve' }]);
    const deputy = who('dep', { actingFor: ['b'] });
    expect(routeRoles(route, deputy)).toEqual(['handler']);
    const outcome = applyRouteAction(route, deputy, { action: 'approve' });
    expect(outcome.ok && outcome.acted?.onBehalfOf).toBe('b');
    expect(outcome.ok && outcome.route.steps[1]!.handlers[0]).toMatchObject({
      userId: 'b',
      state: 'done',
      actedBy: 'dep',
    });
    if (outcome.ok) expect(refusal(outcome.route, deputy, { action: 'approve' })).toBe('already_acted');
  });

  it('gives nothing outside the delegation', () => {
    expect(routeRoles(submitted(), who('dep', { actingFor: ['b'] }))).toEqual([]);
  });

  it('a person who is a handler and a deputy acts as themselves first', () => {
    const route = play(submitted(), ['a', { action: 'approve' }]);
    const outcome = applyRouteAction(route, who('c', { actingFor: ['b'] }), { action: 'approve' });
    expect(outcome.ok && outcome.acted?.onBehalfOf).toBe(null);
    expect(outcome.ok && waitingFor(outcome.route)).toEqual(['b']);
  });
});

describe('chosen handlers', () => {
  const plan = [
    step('review', { handlers: ['a'] }),
    step('leader', { candidates: ['l1', 'l2'] }),
    step('signoff', { opinion: 'signoff', candidates: ['s1', 's2'] }),
  ];

  it('are chosen by the previous handler from the list', () => {
    let route = submitted(plan);
    expect(refusal(route, 'a', { action: 'approve' })).toBe('choose_required');
    expect(refusal(route, 'a', { action: 'approve', choose: ['x'] })).toBe('choose_not_candidate');
    expect(refusal(route, 'a', { action: 'approve', choose: ['l1', 'l2'] })).toBe('choose_required');
    route = play(route, ['a', { action: 'approve', choose: ['l2'] }]);
    expect(waitingFor(route)).toEqual(['l2']);
    route = play(route, ['l2', { action: 'approve', choose: ['s1'] }]);
    expect(waitingFor(route)).toEqual(['s1']);
  });

  it('for the first step, by the drafter on submission', () => {
    const first = [step('leader', { candidates: ['l1', 'l2'] }), step('s', { opinion: 'signoff', handlers: ['s'] })];
    expect(refusal(newRoute('drafter'), 'drafter', { action: 'submit', plan: first, urgent: false })).toBe(
      'choose_required',
    );
    const route = play(newRoute('drafter'), [
      'drafter',
      { action: 'submit', plan: first, urgent: false, choose: ['l1'] },
    ]);
    expect(waitingFor(route)).toEqual(['l1']);
  });
});

describe('after 签发', () => {
  const signed = () =>
    play(
      submitted(PLAN, true),
      ['a', { action: 'approve' }],
      ['b', { action: 'approve' }],
      ['c', { action: 'approve' }],
      ['s', { action: 'signOff' }],
    );

  it('the office numbers, seals and distributes, in that order', () => {
    const office = who('o', { office: true });
    expect(refusal(signed(), office, { action: 'seal' })).toBe('invalid_transition');
    expect(refusal(signed(), 's', { action: 'number' })).toBe('role');
    const route = play(
      signed(),
      [office, { action: 'number' }],
      [office, { action: 'seal' }],
      [office, { action: 'distribute' }],
    );
    expect(route.status).toBe('distributed');
    expect(refusal(route, office, { action: 'distribute' })).toBe('closed');
  });

  it('nobody acts on the route any more', () => {
    expect(refusal(signed(), 's', { action: 'signOff' })).toBe('invalid_transition');
    expect(refusal(signed(), 's', { action: 'withdraw' })).toBe('invalid_transition');
  });
});

describe('route plans', () => {
  it.each([
    [[], 'a route needs at least one step'],
    [[step('a', { handlers: ['a'] })], 'the last step must be the sign-off (签发)'],
    [[step('s', { opinion: 'signoff', kind: 'parallel', handlers: ['s'] })], 'the sign-off step has a single signer'],
    [
      [step('s', { opinion: 'signoff', handlers: ['s'], skipWhenUrgent: true })],
      'the urgent route cannot skip the sign-off',
    ],
    [
      [step('s', { opinion: 'signoff', handlers: ['s'] }), step('t', { opinion: 'signoff', handlers: ['s'] })],
      'only the last step is a sign-off',
    ],
    [[step('a', { handlers: [] }), step('s', { opinion: 'signoff', handlers: ['s'] })], 'step a names nobody'],
    [
      [step('a', { handlers: ['x', 'x'] }), step('s', { opinion: 'signoff', handlers: ['s'] })],
      'step a names someone twice',
    ],
    [[step('s', { handlers: ['a'] }), step('s', { opinion: 'signoff', handlers: ['s'] })], 'step ids must be unique'],
    [
      [step('a', { handlers: ['x'], candidates: ['y'] }), step('s', { opinion: 'signoff', handlers: ['s'] })],
      'step a: either fixed handlers or candidates, not both',
    ],
  ] as Array<[StepPlan[], string]>)('refuses a bad plan: %#', (plan, problem) => {
    expect(planProblem(plan)).toBe(problem);
    expect(refusal(newRoute('drafter'), 'drafter', { action: 'submit', plan, urgent: false })).toBe('bad_plan');
  });

  it('accepts the example', () => {
    expect(planProblem(PLAN)).toBeNull();
  });
});

describe('the actions offered', () => {
  it('follow the table, less what the step rules out', () => {
    let route = submitted();
    expect(offeredActions(route, who('a')).sort()).toEqual(['approve', 'open', 'return', 'transfer']);
    expect(offeredActions(route, who('drafter'))).toEqual(['withdraw']);
    route = play(route, ['a', { action: 'approve' }]);
    expect(offeredActions(route, who('b')).sort()).toEqual([
      'addCountersigner',
      'approve',
      'open',
      'return',
      'transfer',
    ]);
    expect(offeredActions(route, who('a'))).toEqual(['withdraw']);
    route = play(route, ['b', { action: 'open' }]);
    expect(offeredActions(route, who('a'))).toEqual([]);
    expect(offeredActions(route, who('z', { office: true }))).toEqual([]);
  });
});
