import { describe, expect, it } from 'vitest';
import { decodePoints, encodePoints } from '../../../../common/schema/inkModel.ts';
import { samplePressure, STEADY_PRESSURE, StrokeBuilder } from './strokeInput.ts';
import { penOutline, strokeShape } from './strokeShape.ts';
import { strokesHit } from './hitTest.ts';

const thickness = (outline: number[][]) => {
  // A horizontal stroke's outline: its vertical extent is how thick it is drawn.
  const ys = outline.map(([, py]) => py!);
  return Math.max(...ys) - Math.min(...ys);
};

describe('stroke input', () => {
  it.each([
    ['a stylus pressing lightly', 'pen', 0.2, 0.2],
    ['a stylus pressing hard', 'pen', 1, 1],
    ['a stylus reporting 0 at first contact', 'pen', 0, 0.05],
    ['a stylus reporting nonsense', 'pen', Number.NaN, 0.05],
    ['a mouse (no pressure)', 'mouse', 0.5, STEADY_PRESSURE],
    ['a finger reporting 1', 'touch', 1, STEADY_PRESSURE],
  ])('pressure of %s', (_, type, raw, expected) => {
    expect(samplePressure(type, raw)).toBeCloseTo(expected);
  });

  it('drops points closer than the minimum distance but keeps the harder pressure', () => {
    const b = new StrokeBuilder('pen', 0.01);
    expect(b.add({ x: 0.1, y: 0.1, pressure: 0.3 })).toBe(true);
    expect(b.add({ x: 0.101, y: 0.1, pressure: 0.9 })).toBe(false);
    expect(b.add({ x: 0.2, y: 0.1, pressure: 0.5 })).toBe(true);
    expect(b.finish()).toEqual([0.1, 0.1, 0.9, 0.2, 0.1, 0.5]);
  });

  it('makes a tap a dot, a line its two ends, and clamps points that left the page', () => {
    const tap = new StrokeBuilder('pen', 0.001);
    tap.add({ x: 0.5, y: 0.5, pressure: 0.4 });
    expect(tap.finish()).toEqual([0.5, 0.5, 0.4, 0.5, 0.5, 0.4]);
    const line = new StrokeBuilder('line', 0.001);
    for (const x of [0.1, 0.2, 0.3, 1.4]) line.add({ x, y: -0.2, pressure: 0.5 });
    expect(line.count).toBe(2);
    expect(line.finish()).toEqual([0.1, 0, 0.5, 1, 0, 0.5]);
    expect(new StrokeBuilder('pen', 0.001).finish()).toEqual([]);
  });

  it('splits a long stroke without a gap', () => {
    const b = new StrokeBuilder('pen', 0.0001, 10);
    for (let i = 0; i < 10; i++) b.add({ x: i / 100, y: 0.5, pressure: 0.5 });
    expect(b.full).toBe(true);
    const next = b.continued();
    expect(next.tuples()).toEqual([[0.09, 0.5, 0.5]]);
  });

  it('survives the stored encoding to within its precision', () => {
    const b = new StrokeBuilder('pen', 0.0001);
    for (let i = 0; i < 50; i++)
      b.add({ x: 0.2 + i * 0.004, y: 0.3 + Math.sin(i / 5) * 0.02, pressure: 0.2 + (i % 10) / 20 });
    const points = b.finish();
    const back = decodePoints(encodePoints(points))!;
    expect(back.length).toBe(points.length);
    back.forEach((v, i) => expect(v).toBeCloseTo(points[i]!, 2));
  });
});

describe('stroke shape', () => {
  it('draws a harder-pressed pen stroke wider (pressure reaches the outline)', () => {
    const line = (p: number): Array<[number, number, number]> =>
      Array.from({ length: 30 }, (_, i) => [0.1 + i * 0.02, 0.5, p]);
    const light = penOutline(line(0.15), 8, 1.4);
    const hard = penOutline(line(1), 8, 1.4);
    expect(thickness(light)).toBeGreaterThan(0);
    expect(thickness(hard)).toBeGreaterThan(thickness(light) * 1.5);
  });

  it('draws highlighters and lines as even paths and pens as filled outlines', () => {
    const pts: Array<[number, number, number]> = [
      [0, 0, 0.5],
      [0.5, 0.5, 0.5],
      [1, 1, 0.5],
    ];
    expect(strokeShape('pen', pts, 4, 1).paint).toBe('fill');
    expect(strokeShape('highlighter', pts, 20, 1)).toMatchObject({
      paint: 'stroke',
      d: 'M0 0L500 500L1000 1000',
      opacity: 0.35,
    });
    expect(strokeShape('line', pts, 3, 2).d).toBe('M0 0L1000 2000');
  });

  it('finds the strokes the eraser touches, counting their width', () => {
    const strokes = [
      { id: 'near', width: 4, points: [0.1, 0.1, 0.5, 0.3, 0.1, 0.5] },
      { id: 'thick', width: 60, points: [0.1, 0.2, 0.5, 0.3, 0.2, 0.5] },
      { id: 'far', width: 4, points: [0.8, 0.8, 0.5, 0.9, 0.9, 0.5] },
      { id: 'dot', width: 4, points: [0.5, 0.5, 0.5] },
    ];
    expect(strokesHit(strokes, 0.2, 0.105, 3, 1)).toEqual(['near']);
    expect(strokesHit(strokes, 0.2, 0.17, 3, 1)).toEqual(['thick']);
    expect(strokesHit(strokes, 0.501, 0.5, 3, 1)).toEqual(['dot']);
    expect(strokesHit(strokes, 0.6, 0.6, 3, 1)).toEqual([]);
  });
});
