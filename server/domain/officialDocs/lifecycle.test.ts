// Every (status, action, role) combination of the 办文 route (发文 and 收文) against the lifecycle written out by hand:
// each line below is allowed, everything else is refused for the stated reason.
import { describe, expect, it } from 'vitest';
import { availableActions, CLOSED_STATUSES, decide } from './lifecycle.ts';
import {
  ROUTE_ACTIONS,
  ROUTE_ROLES,
  ROUTE_STATUSES,
  type RouteAction,
  type RouteRole,
  type RouteStatus,
} from './vocabulary.ts';

const ALLOWED = `
draft        edit              drafter  -> draft
draft        submit            drafter  -> in_route
in_route     open              handler  -> in_route
in_route     open              signer   -> in_route
in_route     open              finisher -> in_route
in_route     approve           handler  -> in_route
in_route     return            handler  -> in_route|draft
in_route     return            signer   -> in_route|draft
in_route     return            finisher -> in_route|draft
in_route     withdraw          sender   -> in_route|draft
in_route     addCountersigner  handler  -> in_route
in_route     transfer          handler  -> in_route
in_route     transfer          signer   -> in_route
in_route     transfer          finisher -> in_route
in_route     signOff           signer   -> signed_off
in_route     finish            finisher -> finished
signed_off   number            office   -> numbered
numbered     seal              office   -> sealed
sealed       distribute        office   -> distributed
`;

const allowed = new Map<string, RouteStatus[]>();
const legal = new Set<string>();
for (const line of ALLOWED.trim().split('\n')) {
  const [status, action, role, , to] = line.trim().split(/\s+/) as [
    RouteStatus,
    RouteAction,
    RouteRole,
    string,
    string,
  ];
  allowed.set(`${status} ${action} ${role}`, to.split('|') as RouteStatus[]);
  legal.add(`${status} ${action}`);
}

const combos = ROUTE_STATUSES.flatMap((s) => ROUTE_ACTIONS.flatMap((a) => ROUTE_ROLES.map((r) => [s, a, r] as const)));

describe('the 办文 route lifecycle', () => {
  it('covers every combination', () => {
    expect(combos.length).toBe(8 * 13 * 7);
  });

  it.each(combos)('%s · %s · %s', (status, action, role) => {
    const to = allowed.get(`${status} ${action} ${role}`);
    const verdict = decide(status, action, [role]);
    if (to) expect(verdict).toEqual({ ok: true, to });
    else if (CLOSED_STATUSES.includes(status)) expect(verdict).toEqual({ ok: false, reason: 'closed' });
    else if (legal.has(`${status} ${action}`)) expect(verdict).toEqual({ ok: false, reason: 'role' });
    else expect(verdict).toEqual({ ok: false, reason: 'invalid_transition' });
  });

  it('grants a person with several parts what any of them allows', () => {
    expect(decide('in_route', 'approve', ['drafter', 'sender'])).toEqual({ ok: false, reason: 'role' });
    expect(decide('in_route', 'approve', ['sender', 'handler'])).toEqual({ ok: true, to: ['in_route'] });
    expect(decide('signed_off', 'number', [])).toEqual({ ok: false, reason: 'role' });
  });

  it('offers each role exactly its allowed actions', () => {
    for (const status of ROUTE_STATUSES) {
      for (const role of ROUTE_ROLES) {
        const expected = ROUTE_ACTIONS.filter((a) => allowed.has(`${status} ${a} ${role}`));
        expect(availableActions(status, [role]).sort()).toEqual([...expected].sort());
      }
    }
  });

  it('leaves no status a dead end except 已分发, 已办结 and 已归档', () => {
    expect([...CLOSED_STATUSES].sort()).toEqual(['archived', 'distributed', 'finished']);
    for (const status of ROUTE_STATUSES) {
      const moves = [...allowed].filter(([k, to]) => k.startsWith(`${status} `) && to.some((s) => s !== status));
      expect(moves.length > 0).toBe(!CLOSED_STATUSES.includes(status));
    }
  });

  it('never lets the drafter approve, sign off or number their own document by being the drafter', () => {
    for (const action of ['approve', 'signOff', 'finish', 'number', 'seal', 'distribute'] as const)
      for (const status of ROUTE_STATUSES) expect(decide(status, action, ['drafter']).ok).toBe(false);
  });
});
