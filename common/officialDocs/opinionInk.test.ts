// The handwriting check of opinions (手写签批): what it keeps and what it refuses, case by case.
import { describe, expect, it } from 'vitest';
import { encodePoints, INK_LIMITS } from '../schema/inkModel.ts';
import { checkOpinionInk, OPINION_INK_LIMITS, storedOpinionInk } from './opinionInk.ts';

const line = (n: number) => encodePoints(Array.from({ length: n }, (_, i) => [i / n, 0.5, 0.5]).flat());
const ok = { aspect: 0.45, strokes: [{ points: line(10), width: 7 }] };

describe('checkOpinionInk', () => {
  it('keeps good handwriting as given and counts its points', () => {
    expect(checkOpinionInk(ok)).toEqual({ ok: true, ink: ok, points: 10 });
    expect(storedOpinionInk(JSON.stringify(ok))).toEqual(ok);
    expect(storedOpinionInk(null)).toBeNull();
  });

  it.each([
    ['not an object', 'ink'],
    ['an extra field', { ...ok, color: '#000000' }],
    ['no strokes', { aspect: 0.45, strokes: [] }],
    ['an aspect too flat', { ...ok, aspect: 0.01 }],
    ['an aspect too tall', { ...ok, aspect: 5 }],
    ['a stroke with a colour', { aspect: 0.45, strokes: [{ points: line(3), width: 7, color: 'red' }] }],
    ['a zero width', { aspect: 0.45, strokes: [{ points: line(3), width: 0 }] }],
    ['a width too wide', { aspect: 0.45, strokes: [{ points: line(3), width: OPINION_INK_LIMITS.maxWidth + 1 }] }],
    ['points that do not decode', { aspect: 0.45, strokes: [{ points: '!!!', width: 7 }] }],
    ['a stroke too long', { aspect: 0.45, strokes: [{ points: line(INK_LIMITS.maxPointsPerStroke + 1), width: 7 }] }],
    [
      'too many strokes',
      { aspect: 0.45, strokes: Array.from({ length: OPINION_INK_LIMITS.maxStrokes + 1 }, () => ok.strokes[0]) },
    ],
    [
      'too many points in all',
      { aspect: 0.45, strokes: Array.from({ length: 11 }, () => ({ points: line(4000), width: 7 })) },
    ],
  ])('refuses %s', (_, value) => {
    expect(checkOpinionInk(value).ok).toBe(false);
  });

  it('treats stored handwriting that no longer parses as damage, not as no handwriting', () => {
    expect(() => storedOpinionInk(JSON.stringify({ aspect: 0.45, strokes: [] }))).toThrow(/damaged/);
  });
});
