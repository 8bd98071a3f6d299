import { describe, expect, it } from 'vitest';
import {
  defaultRetention,
  everyRecipientDone,
  formatArchiveNumber,
  keepUntil,
  pastRetention,
  unitArchiveCode,
} from './archiveRules.ts';

describe('archive rules', () => {
  it.each([
    [[{ id: 'a', status: 'finished', reissueOfId: null }], true],
    [[{ id: 'a', status: 'signed', reissueOfId: null }], false],
    [[{ id: 'a', status: 'pending', reissueOfId: null }], false],
    [[{ id: 'a', status: 'refused', reissueOfId: null }], false],
    [
      [
        { id: 'a', status: 'refused', reissueOfId: null },
        { id: 'b', status: 'finished', reissueOfId: 'a' },
      ],
      true,
    ],
    [
      [
        { id: 'a', status: 'finished', reissueOfId: null },
        { id: 'b', status: 'recalled', reissueOfId: null },
      ],
      true,
    ],
    [[{ id: 'a', status: 'recalled', reissueOfId: null }], false],
    [[], false],
  ])('every recipient done: %j → %s', (rows, done) => {
    expect(everyRecipientDone(rows)).toBe(done);
  });

  it('defaults the 保管期限 by 文种 and object', () => {
    expect(defaultRetention('official_document', 'decision')).toBe('permanent');
    expect(defaultRetention('official_document', 'request')).toBe('30y');
    expect(defaultRetention('official_document', 'notice')).toBe('10y');
    expect(defaultRetention('official_document', 'unknown')).toBe('10y');
    expect(defaultRetention('minutes', 'minutes')).toBe('30y');
    expect(defaultRetention('supervision_task', 'supervision_task')).toBe('10y');
  });

  it('writes the 档号 and the period', () => {
    expect(formatArchiveNumber('ZF01', 2026, '10y', 7)).toBe('ZF01-2026-D10-0007');
    expect(formatArchiveNumber('ZF01', 2026, 'permanent', 12345)).toBe('ZF01-2026-Y-12345');
    expect(unitArchiveCode({ id: 'ab12cd34-0000-0000-0000-000000000000', archiveCode: null })).toBe('AB12CD34');
    expect(unitArchiveCode({ id: 'x', archiveCode: ' ZF01 ' })).toBe('ZF01');
    expect(keepUntil(2026, '10y')).toBe('2036-12-31');
    expect(keepUntil(2026, '30y')).toBe('2056-12-31');
    expect(keepUntil(2026, 'permanent')).toBeNull();
    expect(pastRetention('2036-12-31', '2036-12-31')).toBe(false);
    expect(pastRetention('2036-12-31', '2037-01-01')).toBe(true);
    expect(pastRetention(null, '2999-01-01')).toBe(false);
  });
});
