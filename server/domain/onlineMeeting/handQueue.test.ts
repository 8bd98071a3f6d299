import { describe, expect, it } from 'vitest';
import { lowerAllHands, lowerHand, raiseHand, type RaisedHand } from './handQueue.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 2, minute));

describe('raised hands', () => {
  it.each<[string, (q: RaisedHand[]) => RaisedHand[], string[]]>([
    ['keeps the order hands went up in', (q) => raiseHand(raiseHand(q, 'a', at(1)), 'b', at(2)), ['x', 'a', 'b']],
    ['raising twice keeps the first place', (q) => raiseHand(raiseHand(q, 'a', at(1)), 'x', at(3)), ['x', 'a']],
    [
      'lowering one keeps the others in order',
      (q) => lowerHand(raiseHand(raiseHand(q, 'a', at(1)), 'b', at(2)), 'a'),
      ['x', 'b'],
    ],
    ['lowering someone without a raised hand changes nothing', (q) => lowerHand(q, 'nobody'), ['x']],
    ['the host lowers all', () => lowerAllHands(), []],
  ])('%s', (_name, apply, expected) => {
    const start: RaisedHand[] = [{ peerId: 'x', raisedAt: at(0) }];
    expect(apply(start).map((h) => h.peerId)).toEqual(expected);
  });

  it('keeps the time a hand first went up', () => {
    const q = raiseHand(raiseHand([], 'a', at(1)), 'a', at(9));
    expect(q).toEqual([{ peerId: 'a', raisedAt: at(1) }]);
  });
});
