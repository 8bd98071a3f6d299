import { describe, expect, it } from 'vitest';
import {
  answerProblem,
  MINUTES_ACTIONS,
  MINUTES_STATUSES,
  minutesTransition,
  openObjections,
  type ConfirmationFacts,
} from './minutesFlow.ts';

const allowed: Record<string, string> = {
  'drafting/finalise': 'confirming',
  'confirming/confirm': 'confirming',
  'confirming/resolve': 'confirming',
  'confirming/reopen': 'drafting',
  'confirming/close': 'closed',
  'closed/reopen': 'drafting',
};

describe('minutes flow', () => {
  const cases = MINUTES_STATUSES.flatMap((s) => MINUTES_ACTIONS.map((a) => [s, a] as const));
  it.each(cases)('%s + %s', (status, action) => {
    const result = minutesTransition(status, action);
    expect(result.ok ? result.to : null).toBe(allowed[`${status}/${action}`] ?? null);
  });

  it('says why a step is refused', () => {
    expect(minutesTransition('confirming', 'finalise')).toEqual({
      ok: false,
      message: 'Minutes that are out for confirmation cannot be finalised',
    });
    expect(minutesTransition('drafting', 'close')).toEqual({
      ok: false,
      message: 'Minutes that are being drafted cannot be closed',
    });
  });

  it.each([
    [[], []],
    [[{ userId: 'a', state: 'confirmed', resolution: null }], []],
    [
      [
        { userId: 'a', state: 'objected', resolution: null },
        { userId: 'b', state: 'pending', resolution: null },
      ],
      ['a'],
    ],
    [[{ userId: 'a', state: 'objected', resolution: '已按意见修改' }], []],
  ] as Array<[ConfirmationFacts[], string[]]>)('open objections of %j', (confirmations, open) => {
    expect(openObjections(confirmations).map((c) => c.userId)).toEqual(open);
  });

  it.each([
    [{ decision: 'confirm', comment: null }, null],
    [{ decision: 'confirm', comment: '无意见' }, null],
    [{ decision: 'object', comment: '第二项时限有误' }, null],
    [{ decision: 'object', comment: null }, 'comment_required'],
    [{ decision: 'object', comment: '   ' }, 'comment_required'],
  ] as const)('answer %j', (answer, problem) => {
    expect(answerProblem(answer)).toBe(problem);
  });
});
