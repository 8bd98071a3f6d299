// Every (status, action, role) combination against the lifecycle written out by hand: each line below is allowed,
// everything else is refused for the stated reason.
import { describe, expect, it } from 'vitest';
import { availableActions, decide } from './lifecycle.ts';
import {
  TASK_ACTIONS,
  TASK_ROLES,
  TASK_STATUSES,
  type TaskAction,
  type TaskRole,
  type TaskStatus,
} from './vocabulary.ts';

const ALLOWED = `
pending_sign         sign                 lead_handler  -> in_progress
pending_sign         co_sign              co_handler    -> pending_sign
in_progress          co_sign              co_handler    -> in_progress
in_progress          assign               lead_handler  -> in_progress
in_progress          assign               co_handler    -> in_progress
in_progress          report_progress      owner         -> in_progress
in_progress          report_progress      co_owner      -> in_progress
in_progress          report_progress      lead_handler  -> in_progress
in_progress          report_progress      co_handler    -> in_progress
in_progress          report_progress      co_member     -> in_progress
in_progress          request_extension    owner         -> extension_requested
in_progress          request_extension    lead_handler  -> extension_requested
in_progress          request_coordination owner         -> in_progress
in_progress          request_coordination lead_handler  -> in_progress
in_progress          record_coordination  supervisor    -> in_progress
in_progress          submit               owner         -> pending_acceptance
in_progress          submit               lead_handler  -> pending_acceptance
extension_requested  co_sign              co_handler    -> extension_requested
extension_requested  assign               lead_handler  -> extension_requested
extension_requested  assign               co_handler    -> extension_requested
extension_requested  report_progress      owner         -> extension_requested
extension_requested  report_progress      co_owner      -> extension_requested
extension_requested  report_progress      lead_handler  -> extension_requested
extension_requested  report_progress      co_handler    -> extension_requested
extension_requested  report_progress      co_member     -> extension_requested
extension_requested  approve_extension    supervisor    -> in_progress
extension_requested  refuse_extension     supervisor    -> in_progress
extension_requested  request_coordination owner         -> extension_requested
extension_requested  request_coordination lead_handler  -> extension_requested
extension_requested  record_coordination  supervisor    -> extension_requested
pending_acceptance   record_coordination  supervisor    -> pending_acceptance
pending_acceptance   accept               supervisor    -> completed
pending_acceptance   return               supervisor    -> in_progress
`;

/** Actions legal in a status for somebody; other roles are refused with "role", other actions with "invalid_transition". */
const allowed = new Map<string, TaskStatus>();
const legal = new Set<string>();
for (const line of ALLOWED.trim().split('\n')) {
  const [status, action, role, , to] = line.trim().split(/\s+/) as [
    TaskStatus,
    TaskAction,
    TaskRole,
    string,
    TaskStatus,
  ];
  allowed.set(`${status} ${action} ${role}`, to);
  legal.add(`${status} ${action}`);
}

const combos = TASK_STATUSES.flatMap((s) => TASK_ACTIONS.flatMap((a) => TASK_ROLES.map((r) => [s, a, r] as const)));

describe('the supervision lifecycle', () => {
  it('covers every combination', () => {
    expect(combos).toHaveLength(TASK_STATUSES.length * TASK_ACTIONS.length * TASK_ROLES.length);
    expect(combos.length).toBe(5 * 12 * 10);
  });

  it.each(combos)('%s · %s · %s', (status, action, role) => {
    const to = allowed.get(`${status} ${action} ${role}`);
    const verdict = decide(status, action, [role]);
    if (to) expect(verdict).toEqual({ ok: true, to });
    else if (status === 'completed') expect(verdict).toEqual({ ok: false, reason: 'archived' });
    else if (legal.has(`${status} ${action}`)) expect(verdict).toEqual({ ok: false, reason: 'role' });
    else expect(verdict).toEqual({ ok: false, reason: 'invalid_transition' });
  });

  it('grants a person with several roles what any of them allows', () => {
    expect(decide('in_progress', 'submit', ['co_handler', 'co_member'])).toEqual({ ok: false, reason: 'role' });
    expect(decide('in_progress', 'submit', ['co_handler', 'owner'])).toEqual({ ok: true, to: 'pending_acceptance' });
    expect(decide('pending_acceptance', 'accept', [])).toEqual({ ok: false, reason: 'role' });
  });

  it('names the bad inputs of the issue', () => {
    // Accepting a task that was never submitted, a co-unit submitting for acceptance, anything on an archived task.
    expect(decide('in_progress', 'accept', ['supervisor'])).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(decide('pending_sign', 'accept', ['supervisor'])).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(decide('in_progress', 'submit', ['co_handler'])).toEqual({ ok: false, reason: 'role' });
    expect(decide('completed', 'report_progress', ['owner'])).toEqual({ ok: false, reason: 'archived' });
  });

  it('offers each role exactly its allowed actions', () => {
    for (const status of TASK_STATUSES) {
      for (const role of TASK_ROLES) {
        const expected = TASK_ACTIONS.filter((a) => allowed.has(`${status} ${a} ${role}`));
        expect(availableActions(status, [role]).sort()).toEqual([...expected].sort());
      }
    }
  });

  it('leaves no status a dead end except 已办结', () => {
    for (const status of TASK_STATUSES) {
      const moves = [...allowed].filter(([k, to]) => k.startsWith(`${status} `) && to !== status);
      expect(moves.length > 0).toBe(status !== 'completed');
    }
  });
});
