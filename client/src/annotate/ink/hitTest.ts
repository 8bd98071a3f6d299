// Which strokes the stroke eraser touches: the distance from the eraser's point to each stroke's path, in page units.
import { PAGE_UNITS } from './strokeShape.ts';

export interface HitCandidate {
  id: string;
  width: number;
  /** Flat normalised x, y, pressure triples. */
  points: ArrayLike<number>;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The ids of strokes within `radius` page units of the point (normalised x, y) — their own width counts too. */
export function strokesHit(
  candidates: Iterable<HitCandidate>,
  x: number,
  y: number,
  radius: number,
  aspect: number,
): string[] {
  const px = x * PAGE_UNITS;
  const py = y * PAGE_UNITS * aspect;
  const hit: string[] = [];
  for (const stroke of candidates) {
    const reach = radius + stroke.width / 2;
    const p = stroke.points;
    for (let i = 0; i + 2 < p.length; i += 3) {
      const ax = p[i]! * PAGE_UNITS;
      const ay = p[i + 1]! * PAGE_UNITS * aspect;
      const next = i + 3 + 2 < p.length;
      const bx = next ? p[i + 3]! * PAGE_UNITS : ax;
      const by = next ? p[i + 4]! * PAGE_UNITS * aspect : ay;
      if (segmentDistance(px, py, ax, ay, bx, by) <= reach) {
        hit.push(stroke.id);
        break;
      }
    }
  }
  return hit;
}
