// A writing pad for handwriting (手写签批): a leader signs or writes an instruction with a stylus, a finger or a mouse;
// the strokes come out in the ink model's encoding (common/officialDocs/opinionInk.ts), ready to send with an opinion.
//
// Usage: <InkPad value={ink} onChange={setInk} />   — controlled; `value` is null while the pad is empty.
// Optional: `aspect` (height ÷ width, default 0.45), `penWidth` (pad units, the pad is 1000 wide; default 7),
// `disabled`. Undo removes the last stroke, Clear all of them. Once a stylus has touched the pad, touches are ignored
// (the palm resting on a tablet), and only one pointer draws at a time. The pad fills its container's width, so it
// works on a 375 px phone as on a tablet.
import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useCallback, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OPINION_INK_LIMITS, type OpinionInk } from '../../../common/officialDocs/opinionInk.ts';
import { encodePoints } from '../../../common/schema/inkModel.ts';
import { samplePressure, StrokeBuilder } from '../annotate/ink/strokeInput.ts';
import { PAGE_UNITS, strokeShape } from '../annotate/ink/strokeShape.ts';
import { inkStrokePath } from './InkDrawing.tsx';

export interface InkPadProps {
  /** The handwriting so far; null while the pad is empty. */
  value: OpinionInk | null;
  onChange: (ink: OpinionInk | null) => void;
  /** Height ÷ width of the writing area. */
  aspect?: number;
  /** Pen width in pad units (the pad is 1000 wide). */
  penWidth?: number;
  disabled?: boolean;
  'data-testid'?: string;
}

/** Points closer than this (pad-normalised, about a screen pixel on a phone) add nothing visible. */
const MIN_DISTANCE = 0.002;

export function InkPad({
  value,
  onChange,
  aspect = 0.45,
  penWidth = 7,
  disabled = false,
  'data-testid': testId = 'ink-pad',
}: InkPadProps) {
  const { t } = useTranslation();
  const surface = useRef<SVGSVGElement>(null);
  const drawing = useRef<{ pointerId: number; builder: StrokeBuilder; parts: string[] } | null>(null);
  const sawPen = useRef(false);
  const [live, setLive] = useState<string>('');
  const strokes = value?.strokes ?? [];
  const full = strokes.length >= OPINION_INK_LIMITS.maxStrokes;

  const sampleOf = useCallback((e: { clientX: number; clientY: number; pointerType: string; pressure: number }) => {
    const box = surface.current!.getBoundingClientRect();
    return {
      x: (e.clientX - box.left) / box.width,
      y: (e.clientY - box.top) / box.height,
      pressure: samplePressure(e.pointerType, e.pressure),
    };
  }, []);

  const commit = (parts: string[]) => {
    if (parts.length === 0) return;
    const room = OPINION_INK_LIMITS.maxStrokes - strokes.length;
    const added = parts.slice(0, Math.max(0, room)).map((points) => ({ points, width: penWidth }));
    if (added.length > 0) onChange({ aspect, strokes: [...strokes, ...added] });
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (disabled || full || drawing.current) return;
    if (e.pointerType === 'pen') sawPen.current = true;
    else if (e.pointerType === 'touch' && sawPen.current) return;
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const builder = new StrokeBuilder('pen', MIN_DISTANCE);
    builder.add(sampleOf(e));
    drawing.current = { pointerId: e.pointerId, builder, parts: [] };
    setLive(strokeShape('pen', builder.tuples(), penWidth, aspect, false).d);
  };

  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const current = drawing.current;
    if (!current || current.pointerId !== e.pointerId) return;
    // Coalesced events carry the samples the browser merged into one frame: a fast signature keeps its shape.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const sample of events.length > 0 ? events : [e.nativeEvent]) {
      current.builder.add(sampleOf(sample));
      if (current.builder.full) {
        current.parts.push(encodePoints(current.builder.finish()));
        current.builder = current.builder.continued();
      }
    }
    setLive(strokeShape('pen', current.builder.tuples(), penWidth, aspect, false).d);
  };

  const onPointerEnd = (e: ReactPointerEvent<SVGSVGElement>) => {
    const current = drawing.current;
    if (!current || current.pointerId !== e.pointerId) return;
    drawing.current = null;
    setLive('');
    const last = current.builder.finish();
    commit(last.length > 0 ? [...current.parts, encodePoints(last)] : current.parts);
  };

  const undo = () => onChange(strokes.length <= 1 ? null : { aspect, strokes: strokes.slice(0, -1) });

  return (
    <Flex vertical gap={8} data-testid={testId}>
      <svg
        ref={surface}
        viewBox={`0 0 ${PAGE_UNITS} ${PAGE_UNITS * aspect}`}
        role="img"
        aria-label={t('annotate.inkPad.label')}
        className="tb-ink-pad"
        style={{
          width: '100%',
          aspectRatio: `${1 / aspect}`,
          display: 'block',
          touchAction: 'none',
          userSelect: 'none',
          cursor: disabled ? 'not-allowed' : 'crosshair',
          border: '1px dashed var(--ant-color-border, #d9d9d9)',
          borderRadius: 8,
          background: disabled ? 'var(--ant-color-bg-container-disabled, #f5f5f5)' : '#fffdf7',
          color: '#1f1f1f',
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        data-testid={`${testId}-surface`}
        data-strokes={strokes.length}
      >
        {strokes.length === 0 && !live && (
          <text
            x={PAGE_UNITS / 2}
            y={(PAGE_UNITS * aspect) / 2}
            textAnchor="middle"
            dominantBaseline="middle"
            fontSize={44}
            fill="#bfbfbf"
          >
            {t('annotate.inkPad.placeholder')}
          </text>
        )}
        {strokes.map((s, i) => (
          <path key={i} d={inkStrokePath(s, aspect)} fill="currentColor" />
        ))}
        {live && <path d={live} fill="currentColor" />}
      </svg>
      <Flex gap={8} justify="space-between" align="center" wrap>
        <Typography.Text type={full ? 'warning' : 'secondary'}>
          {full ? t('annotate.inkPad.full') : t('annotate.inkPad.hint')}
        </Typography.Text>
        <Flex gap={8}>
          <Button
            size="large"
            icon={<UndoOutlined />}
            disabled={disabled || strokes.length === 0}
            onClick={undo}
            data-testid={`${testId}-undo`}
          >
            {t('annotate.inkPad.undo')}
          </Button>
          <Button
            size="large"
            icon={<ClearOutlined />}
            disabled={disabled || strokes.length === 0}
            onClick={() => onChange(null)}
            data-testid={`${testId}-clear`}
          >
            {t('annotate.inkPad.clear')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
