// Turns pointer samples into the points of a stroke: pressure from the stylus (a steady middle value for mouse and
// finger, which report none), points too close together dropped, a tap made a dot, a straight line reduced to its ends,
// and a very long stroke split under the server's limit. Pure; the ink canvas feeds it page-normalised coordinates.
import { INK_LIMITS, type InkTool } from '../../../../common/schema/inkModel.ts';

/** What a mouse or a finger draws with: they have no pressure, and perfect-freehand then draws an even line. */
export const STEADY_PRESSURE = 0.5;
/** Some styluses report 0 on the first contact event; a stroke must not start invisible. */
const MIN_PEN_PRESSURE = 0.05;

export function samplePressure(pointerType: string, pressure: number): number {
  if (pointerType !== 'pen') return STEADY_PRESSURE;
  if (!Number.isFinite(pressure) || pressure <= 0) return MIN_PEN_PRESSURE;
  return Math.min(1, Math.max(MIN_PEN_PRESSURE, pressure));
}

export interface Sample {
  /** Page-normalised (0..1; a pointer may wander off the page, the value is clamped). */
  x: number;
  y: number;
  pressure: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

export class StrokeBuilder {
  private readonly flat: number[] = [];

  /**
   * @param minDistance Points closer than this to the previous one (page-normalised) add nothing visible: about half a
   *   screen pixel at the current zoom.
   * @param maxPoints Where the stroke is full; the caller commits it and continues with `continued()`.
   */
  constructor(
    readonly tool: InkTool,
    private readonly minDistance: number,
    private readonly maxPoints = INK_LIMITS.maxPointsPerStroke - 1,
  ) {}

  /** Adds a sample; returns false when it was too close to the last one to matter. */
  add(sample: Sample): boolean {
    const x = clamp01(sample.x);
    const y = clamp01(sample.y);
    const n = this.flat.length;
    if (n >= 3) {
      const dx = x - this.flat[n - 3]!;
      const dy = y - this.flat[n - 2]!;
      if (this.tool === 'line') {
        // A line keeps only its start and the latest end.
        this.flat.length = 3;
        this.flat.push(x, y, sample.pressure);
        return true;
      }
      if (dx * dx + dy * dy < this.minDistance * this.minDistance) {
        // Pressing harder in place still counts: the last point takes the higher pressure.
        this.flat[n - 1] = Math.max(this.flat[n - 1]!, sample.pressure);
        return false;
      }
    }
    this.flat.push(x, y, sample.pressure);
    return true;
  }

  get count(): number {
    return this.flat.length / 3;
  }

  get full(): boolean {
    return this.count >= this.maxPoints;
  }

  /** The points to store: a tap becomes a dot (two equal points), a line its two ends. Empty if nothing was drawn. */
  finish(): number[] {
    if (this.flat.length === 0) return [];
    if (this.flat.length === 3) return [...this.flat, ...this.flat];
    if (this.tool === 'line') return [...this.flat.slice(0, 3), ...this.flat.slice(-3)];
    return [...this.flat];
  }

  /** The next part of a stroke that was full, starting where this one ended so that no gap shows. */
  continued(): StrokeBuilder {
    const next = new StrokeBuilder(this.tool, this.minDistance, this.maxPoints);
    const n = this.flat.length;
    if (n >= 3) next.flat.push(this.flat[n - 3]!, this.flat[n - 2]!, this.flat[n - 1]!);
    return next;
  }

  /** The points so far as tuples, for drawing the stroke while it is being drawn. */
  tuples(): Array<[number, number, number]> {
    const out: Array<[number, number, number]> = [];
    for (let i = 0; i < this.flat.length; i += 3) out.push([this.flat[i]!, this.flat[i + 1]!, this.flat[i + 2]!]);
    return out;
  }
}
