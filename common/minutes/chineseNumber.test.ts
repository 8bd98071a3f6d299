import { describe, expect, it } from 'vitest';
import { parseNumber, toHalfWidthDigits } from './chineseNumber.ts';

describe('parseNumber', () => {
  it.each([
    ['5', 5],
    ['15', 15],
    ['１２', 12],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十三', 23],
    ['三十一', 31],
    ['一百', 100],
    ['一百零五', 105],
    ['零', 0],
    ['一二', null],
    ['abc', null],
    ['', null],
  ])('%s → %s', (token, expected) => {
    expect(parseNumber(token)).toBe(expected);
  });

  it('keeps text length when normalising digits', () => {
    const text = '１２月１５日前';
    expect(toHalfWidthDigits(text)).toBe('12月15日前');
    expect(toHalfWidthDigits(text)).toHaveLength(text.length);
  });
});
