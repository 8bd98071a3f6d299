// Handwriting (手写签批) drawn as SVG: the strokes of an opinion as the InkPad recorded them, scaled to the width it is
// given, the same on every screen. Used by the 办文单 and by the pad itself.
import type { CSSProperties } from 'react';
import type { OpinionInk, OpinionInkStroke } from '../../../common/officialDocs/opinionInk.ts';
import { strokePoints } from '../../../common/schema/inkModel.ts';
import { PAGE_UNITS, strokeShape } from '../annotate/ink/strokeShape.ts';

/** The filled outline of one stroke in pad units (the pad is 1000 wide, aspect × 1000 high). */
export function inkStrokePath(stroke: OpinionInkStroke, aspect: number): string {
  return strokeShape('pen', strokePoints(stroke), stroke.width, aspect).d;
}

export function InkDrawing({
  ink,
  label,
  style,
  className,
  'data-testid': testId,
}: {
  ink: OpinionInk;
  /** What a screen reader says instead of the strokes (e.g. "陈明的手写签批"). */
  label: string;
  style?: CSSProperties;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <svg
      viewBox={`0 0 ${PAGE_UNITS} ${PAGE_UNITS * ink.aspect}`}
      role="img"
      aria-label={label}
      className={className}
      style={{ width: '100%', height: 'auto', display: 'block', ...style }}
      data-testid={testId}
    >
      {ink.strokes.map((s, i) => (
        <path key={i} d={inkStrokePath(s, ink.aspect)} fill="currentColor" />
      ))}
    </svg>
  );
}
