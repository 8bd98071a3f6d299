// The ink of one page as SVG over the page: every visible stroke of the open layers, and the stroke being drawn
// (its path is updated directly by the ink tools, without React). Scales with the page: the view box is in page units.
import { memo, type Ref } from 'react';
import { strokePoints, type InkStroke } from '../../../../common/schema/inkModel.ts';
import type { LayerKind, PageStroke } from './pageInk.ts';
import { PAGE_UNITS, strokeShape, type StrokeShape } from './strokeShape.ts';

const shapes = new WeakMap<InkStroke, StrokeShape>();

function shapeOf(stroke: InkStroke, aspect: number): StrokeShape {
  let shape = shapes.get(stroke);
  if (!shape) {
    shape = strokeShape(stroke.tool, strokePoints(stroke), stroke.width, aspect);
    shapes.set(stroke, shape);
  }
  return shape;
}

const StrokePath = memo(function StrokePath({
  stroke,
  layer,
  aspect,
}: {
  stroke: InkStroke;
  layer: LayerKind;
  aspect: number;
}) {
  const shape = shapeOf(stroke, aspect);
  return (
    <path
      d={shape.d}
      fill={shape.paint === 'fill' ? stroke.color : 'none'}
      stroke={shape.paint === 'stroke' ? stroke.color : 'none'}
      strokeWidth={shape.paint === 'stroke' ? shape.width : undefined}
      strokeLinecap="round"
      strokeLinejoin="round"
      opacity={shape.opacity}
      className={stroke.tool === 'highlighter' ? 'an-ink__highlight' : undefined}
      data-stroke-id={stroke.id}
      data-author={stroke.author}
      data-layer={layer}
    />
  );
});

export function InkLayer({
  strokes,
  hidden,
  aspect,
  liveRef,
}: {
  strokes: PageStroke[];
  hidden: readonly string[];
  aspect: number;
  liveRef: Ref<SVGPathElement>;
}) {
  return (
    <svg
      className="an-ink"
      viewBox={`0 0 ${PAGE_UNITS} ${PAGE_UNITS * aspect}`}
      preserveAspectRatio="none"
      data-testid="ink-layer"
      data-strokes={strokes.length}
    >
      {strokes.map(({ stroke, layer }) =>
        hidden.includes(stroke.author) ? null : (
          <StrokePath key={`${layer}:${stroke.id}`} stroke={stroke} layer={layer} aspect={aspect} />
        ),
      )}
      <path ref={liveRef} strokeLinecap="round" strokeLinejoin="round" data-testid="live-stroke" />
    </svg>
  );
}
