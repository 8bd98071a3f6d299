import { describe, expect, it } from 'vitest';
import { AUTHOR_PALETTE, authorColor, distinctAuthorColors } from './authorColors.ts';

describe('author colours', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

  it('gives a person the same colour everywhere', () => {
    expect(authorColor(ids[0]!)).toBe(authorColor(ids[0]!));
    expect(AUTHOR_PALETTE).toContain(authorColor(ids[1]!));
  });

  it('keeps the authors shown together apart, whatever order they come in', () => {
    for (let n = 2; n <= AUTHOR_PALETTE.length; n++) {
      const group = ids.slice(0, n);
      const colors = distinctAuthorColors(group);
      expect(new Set(colors.values()).size).toBe(n);
      expect(distinctAuthorColors([...group].reverse())).toEqual(colors);
    }
  });

  it('keeps a person their own colour when nobody else has it', () => {
    const [only] = ids;
    expect(distinctAuthorColors([only!]).get(only!)).toBe(authorColor(only!));
  });
});
