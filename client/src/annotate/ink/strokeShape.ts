// The SVG shape of a stroke in page units (the page box is 1000 wide, `aspect` × 1000 high): a pen stroke is a filled
// outline whose width follows the pressure (perfect-freehand), a highlighter or a line an even, round-capped path.
import { getStroke } from 'perfect-freehand';
import type { InkTool } from '../../../../common/schema/inkModel.ts';

export const PAGE_UNITS = 1000;

type Tuple = [number, number, number];

const fixed = (n: number) => Math.round(n * 100) / 100;

/** A closed SVG path through an outline polygon (quadratic curves through the midpoints, as perfect-freehand suggests). */
export function outlinePath(outline: number[][]): string {
  if (outline.length < 2) return '';
  const [first] = outline;
  let d = `M${fixed(first![0]!)} ${fixed(first![1]!)}Q`;
  for (let i = 0; i < outline.length; i++) {
    const [x0, y0] = outline[i]!;
    const [x1, y1] = outline[(i + 1) % outline.length]!;
    d += `${fixed(x0!)} ${fixed(y0!)} ${fixed((x0! + x1!) / 2)} ${fixed((y0! + y1!) / 2)} `;
  }
  return `${d.trimEnd()}Z`;
}

export function polylinePath(points: ReadonlyArray<Tuple>, aspect: number): string {
  if (points.length === 0) return '';
  return points
    .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${fixed(x * PAGE_UNITS)} ${fixed(y * PAGE_UNITS * aspect)}`)
    .join('');
}

/** The outline of a pen stroke from its normalised points. `complete` is false while the stroke is being drawn. */
export function penOutline(points: ReadonlyArray<Tuple>, width: number, aspect: number, complete = true): number[][] {
  const scaled = points.map(([x, y, p]) => [x * PAGE_UNITS, y * PAGE_UNITS * aspect, p]);
  return getStroke(scaled, {
    size: width,
    // How much pressure matters: a light touch draws about a third of the full width.
    thinning: 0.65,
    smoothing: 0.5,
    streamline: 0.45,
    // Every client draws the stored pressure, never one made up from speed, so a stroke looks the same everywhere.
    simulatePressure: false,
    last: complete,
  });
}

export interface StrokeShape {
  /** 'fill' for an outline (pen), 'stroke' for an even path (highlighter, line). */
  paint: 'fill' | 'stroke';
  d: string;
  /** For 'stroke' shapes. */
  width: number;
  opacity: number;
}

export function strokeShape(
  tool: InkTool,
  points: ReadonlyArray<Tuple>,
  width: number,
  aspect: number,
  complete = true,
): StrokeShape {
  switch (tool) {
    case 'pen':
      return { paint: 'fill', d: outlinePath(penOutline(points, width, aspect, complete)), width, opacity: 1 };
    case 'highlighter':
      return { paint: 'stroke', d: polylinePath(points, aspect), width, opacity: 0.35 };
    case 'line':
      return {
        paint: 'stroke',
        d: polylinePath(points.length > 2 ? [points[0]!, points[points.length - 1]!] : points, aspect),
        width,
        opacity: 1,
      };
  }
}
