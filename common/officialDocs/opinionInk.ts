// Handwriting on an opinion (手写签批): the strokes a leader draws on the opinion pad, in the encoding and under the
// limits of the annotation ink model (common/schema/inkModel.ts). The server checks them before storing them with the
// immutable opinion; the client draws them in the 办文单. Pure, shared by both.
import { decodePoints, INK_LIMITS } from '../schema/inkModel.ts';

/**
 * The pad is 1000 units wide and `aspect` × 1000 high; points are normalised 0..1 to the pad's box (x to its width, y
 * to its height), as on a material page, so a pad drawn on a phone and shown on a desktop keeps its shape.
 */
export interface OpinionInk {
  /** Height ÷ width of the pad the strokes were drawn on. */
  aspect: number;
  strokes: OpinionInkStroke[];
}

export interface OpinionInkStroke {
  /** encodePoints() of x, y, pressure triples (inkModel.ts). */
  points: string;
  /** Pad units (the pad is 1000 wide). */
  width: number;
}

/** What one opinion's handwriting may hold: a signature with a few lines of text, not a drawing. */
export const OPINION_INK_LIMITS = {
  maxStrokes: 400,
  maxPointsPerStroke: INK_LIMITS.maxPointsPerStroke,
  /** All strokes together (a few lines written on a tablet stay well below). */
  maxPoints: 40_000,
  minWidth: INK_LIMITS.minWidth,
  maxWidth: 40,
  minAspect: 0.1,
  maxAspect: 4,
} as const;

/** Recorded as the text of an opinion written by hand only, for those that read text (notifications, the trail). */
export const HANDWRITTEN_OPINION_TEXT = '（手写签批）';

export type InkCheck = { ok: true; ink: OpinionInk; points: number } | { ok: false; problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks handwriting as it arrives (shape, limits, every point decodable and on the pad); returns it as stored. */
export function checkOpinionInk(value: unknown): InkCheck {
  const L = OPINION_INK_LIMITS;
  if (!isRecord(value)) return { ok: false, problem: 'ink must be an object' };
  const extra = Object.keys(value).find((k) => k !== 'aspect' && k !== 'strokes');
  if (extra !== undefined) return { ok: false, problem: `unexpected field "${extra.slice(0, 20)}"` };
  const { aspect, strokes } = value;
  if (typeof aspect !== 'number' || !Number.isFinite(aspect) || aspect < L.minAspect || aspect > L.maxAspect)
    return { ok: false, problem: 'aspect out of range' };
  if (!Array.isArray(strokes) || strokes.length === 0) return { ok: false, problem: 'no strokes' };
  if (strokes.length > L.maxStrokes) return { ok: false, problem: `more than ${L.maxStrokes} strokes` };
  const out: OpinionInkStroke[] = [];
  let total = 0;
  for (const [i, stroke] of strokes.entries()) {
    if (!isRecord(stroke) || Object.keys(stroke).some((k) => k !== 'points' && k !== 'width'))
      return { ok: false, problem: `stroke ${i}: bad shape` };
    const { points, width } = stroke;
    if (typeof width !== 'number' || !Number.isFinite(width) || width < L.minWidth || width > L.maxWidth)
      return { ok: false, problem: `stroke ${i}: width out of range` };
    // Each point takes at least three characters and at most fifteen at these scales (inkModel.ts parseStroke).
    if (typeof points !== 'string' || points.length < 3 || points.length > L.maxPointsPerStroke * 15)
      return { ok: false, problem: `stroke ${i}: bad points` };
    const flat = decodePoints(points);
    if (!flat || flat.length === 0) return { ok: false, problem: `stroke ${i}: bad points` };
    const count = flat.length / 3;
    if (count > L.maxPointsPerStroke)
      return { ok: false, problem: `stroke ${i}: more than ${L.maxPointsPerStroke} points` };
    total += count;
    if (total > L.maxPoints) return { ok: false, problem: `more than ${L.maxPoints} points in all` };
    out.push({ points, width });
  }
  return { ok: true, ink: { aspect, strokes: out }, points: total };
}

/** Reads stored handwriting back; null for a text opinion. It was checked before it was stored: anything else is damage. */
export function storedOpinionInk(json: string | null): OpinionInk | null {
  if (json === null) return null;
  const checked = checkOpinionInk(JSON.parse(json) as unknown);
  if (!checked.ok) throw new Error(`stored opinion ink is damaged: ${checked.problem}`);
  return checked.ink;
}
