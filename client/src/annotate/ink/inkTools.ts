// What a drawing pointer does with the current tool: pen, highlighter and line build a stroke (drawn live, stored when
// the pointer lifts), the eraser removes the strokes it touches, the note tool places a sticky note, the laser moves
// the presenter's pointer. Framework-free; the page view hands it the pointer samples.
import { addNote, addStroke, deleteStroke, type InkTool } from '../../../../common/schema/inkModel.ts';
import { serverNow } from '../../api/serverClock.ts';
import type { DrawSample } from '../viewer/stageInput.ts';
import { strokesHit } from './hitTest.ts';
import type { InkHistory } from './inkHistory.ts';
import { isDrawingTool, strokeStyle, type InkSettings } from './inkSettings.ts';
import { pointsOf, type PageInk } from './pageInk.ts';
import { samplePressure, StrokeBuilder } from './strokeInput.ts';
import { strokeShape } from './strokeShape.ts';

export interface InkToolContext {
  settings(): InkSettings;
  page: string;
  /** Page height / width. */
  aspect(): number;
  /** Page-normalised distance of about half a screen pixel at the current zoom. */
  minDistance(): number;
  ink: PageInk;
  userId: string;
  history: InkHistory;
  /** May erase other people's shared strokes (edit access: host, organiser, agenda presenter). */
  moderator: boolean;
  /** False: the person may only look (view access). */
  canDraw: boolean;
  livePath(): SVGPathElement | null;
  noteCreated(noteId: string): void;
  laser(point: { x: number; y: number } | null): void;
  /** A change the model refused to make (limits): told to the person. */
  failed(error: unknown): void;
}

/** The eraser's reach around the pointer, in page units. */
const ERASER_RADIUS = 6;
/** A note is placed by a tap: a pointer that moved less than this (page-normalised) before lifting. */
const TAP = 0.01;
/** Origin of erasing someone else's stroke: not in one's undo history (re-adding their stroke would be refused). */
const MODERATION = { name: 'ink-moderation' };

interface Active {
  tool: InkSettings['tool'];
  builder: StrokeBuilder | null;
  start: DrawSample;
  last: DrawSample;
}

export class InkTools {
  private readonly active = new Map<number, Active>();
  private frame = 0;

  constructor(private readonly ctx: InkToolContext) {}

  start(pointerId: number, sample: DrawSample): void {
    const { tool } = this.ctx.settings();
    if (!this.ctx.canDraw && tool !== 'laser') return;
    const builder = isDrawingTool(tool) ? new StrokeBuilder(tool, this.ctx.minDistance()) : null;
    this.active.set(pointerId, { tool, builder, start: sample, last: sample });
    this.apply(pointerId, [sample]);
  }

  move(pointerId: number, samples: DrawSample[]): void {
    if (this.active.has(pointerId)) this.apply(pointerId, samples);
  }

  private apply(pointerId: number, samples: DrawSample[]): void {
    const active = this.active.get(pointerId)!;
    active.last = samples[samples.length - 1] ?? active.last;
    switch (active.tool) {
      case 'pen':
      case 'highlighter':
      case 'line':
        for (const s of samples) {
          active.builder!.add({ x: s.x, y: s.y, pressure: samplePressure(s.pointerType, s.pressure) });
          if (active.builder!.full) {
            this.commit(active.builder!);
            active.builder = active.builder!.continued();
          }
        }
        this.drawLive(active);
        return;
      case 'eraser':
        for (const s of samples) this.erase(s);
        return;
      case 'laser':
        this.ctx.laser({ x: active.last.x, y: active.last.y });
        return;
      case 'note':
      case 'hand':
        return;
    }
  }

  end(pointerId: number): void {
    const active = this.active.get(pointerId);
    if (!active) return;
    this.active.delete(pointerId);
    if (active.builder) {
      this.commit(active.builder);
      this.clearLive();
    } else if (
      active.tool === 'note' &&
      Math.hypot(active.last.x - active.start.x, active.last.y - active.start.y) < TAP
    ) {
      this.placeNote(active.start);
    } else if (active.tool === 'laser') {
      this.ctx.laser(null);
    }
  }

  cancel(pointerId: number): void {
    const active = this.active.get(pointerId);
    this.active.delete(pointerId);
    if (active?.builder) this.clearLive();
    if (active?.tool === 'laser') this.ctx.laser(null);
  }

  private target() {
    // Never another layer than the one picked: private ink must not land in the shared layer.
    return this.ctx.ink.docOf(this.ctx.settings().layer);
  }

  private commit(builder: StrokeBuilder): void {
    const points = builder.finish();
    const doc = this.target();
    if (points.length === 0 || !doc) return;
    const tool = builder.tool as InkTool;
    try {
      addStroke(
        doc,
        { page: this.ctx.page, tool, ...strokeStyle(this.ctx.settings(), tool), points },
        this.ctx.userId,
        serverNow(),
        this.ctx.history.origin,
      );
    } catch (err) {
      this.ctx.failed(err);
    }
  }

  private erase(s: DrawSample): void {
    const { strokes } = this.ctx.ink.getSnapshot();
    const { hidden } = this.ctx.settings();
    const erasable = strokes.filter(
      ({ stroke, layer }) =>
        !hidden.includes(stroke.author) &&
        (stroke.author === this.ctx.userId || (layer === 'shared' && this.ctx.moderator)),
    );
    const ids = new Set(
      strokesHit(
        erasable.map(({ stroke }) => ({ id: stroke.id, width: stroke.width, points: pointsOf(stroke) })),
        s.x,
        s.y,
        ERASER_RADIUS,
        this.ctx.aspect(),
      ),
    );
    for (const { stroke, layer } of erasable) {
      if (!ids.has(stroke.id)) continue;
      const doc = this.ctx.ink.docOf(layer);
      if (doc) deleteStroke(doc, stroke.id, stroke.author === this.ctx.userId ? this.ctx.history.origin : MODERATION);
    }
  }

  private placeNote(at: DrawSample): void {
    const doc = this.target();
    if (!doc) return;
    try {
      const note = addNote(
        doc,
        {
          page: this.ctx.page,
          x: Math.min(0.95, Math.max(0, at.x)),
          y: Math.min(0.95, Math.max(0, at.y)),
          text: '',
          color: '#fff1b8',
        },
        this.ctx.userId,
        serverNow(),
        this.ctx.history.origin,
      );
      this.ctx.noteCreated(note.id);
    } catch (err) {
      this.ctx.failed(err);
    }
  }

  /** The stroke being drawn, redrawn once per frame however many samples arrive. */
  private drawLive(active: Active): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const path = this.ctx.livePath();
      if (!path || !active.builder || !this.isActive(active)) return;
      const tool = active.builder.tool;
      const style = strokeStyle(this.ctx.settings(), tool);
      const shape = strokeShape(tool, active.builder.tuples(), style.width, this.ctx.aspect(), false);
      path.setAttribute('d', shape.d);
      path.setAttribute('fill', shape.paint === 'fill' ? style.color : 'none');
      path.setAttribute('stroke', shape.paint === 'stroke' ? style.color : 'none');
      path.setAttribute('stroke-width', String(shape.width));
      path.setAttribute('opacity', String(shape.opacity));
    });
  }

  private isActive(active: Active): boolean {
    return [...this.active.values()].includes(active);
  }

  private clearLive(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.ctx.livePath()?.setAttribute('d', '');
  }

  destroy(): void {
    this.clearLive();
    this.active.clear();
  }
}
