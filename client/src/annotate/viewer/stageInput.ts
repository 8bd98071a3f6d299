// Pointer input on a page stage, framework-free (pointer moves must not re-render React): each pointer is routed
// (draw, move the page, ignore — see pointerRouting), drawing pointers stream page-normalised samples with pressure
// (coalesced events included, so fast strokes stay smooth), and moving pointers pan, pinch-zoom, or swipe to the next
// page. The wheel zooms (ctrl or a trackpad pinch) or pans, and flips pages at fit zoom.
import { panBy, toPage, zoomAt, type Camera, type Size } from './camera.ts';
import { routePointerDown, type RoutingState } from './pointerRouting.ts';

export interface DrawSample {
  x: number;
  y: number;
  /** Raw PointerEvent.pressure; the ink side maps it (see samplePressure). */
  pressure: number;
  pointerType: string;
}

export interface StageDelegate {
  /** Read on every pointerdown. */
  routing(): Omit<RoutingState, 'penDown' | 'lastPenUpAt' | 'touches'>;
  camera(): Camera;
  pageSize(): Size;
  /** The user moved or zoomed the page. */
  setCamera(camera: Camera): void;
  flip(delta: 1 | -1): void;
  penSeen(): void;
  drawStart(pointerId: number, sample: DrawSample): void;
  drawMove(pointerId: number, samples: DrawSample[]): void;
  drawEnd(pointerId: number): void;
  /** Drop an unfinished stroke (a second finger turned it into a pinch). */
  drawCancel(pointerId: number): void;
  /** The pointer hovers (mouse, stylus in range): for the laser pointer. */
  hover(sample: DrawSample | null): void;
}

interface Tracked {
  x: number;
  y: number;
  startX: number;
  startY: number;
  startAt: number;
}

/** A swipe flips the page: far enough, mostly sideways, quick. */
const SWIPE_PX = 60;
const SWIPE_MS = 600;
/** Wheel travel at fit zoom that flips one page. */
const WHEEL_FLIP = 150;

export class StageInput {
  private readonly drawing = new Map<number, string>();
  private readonly moving = new Map<number, Tracked>();
  private penDown = false;
  private lastPenUpAt: number | null = null;
  private wheelTravel = 0;
  private readonly abort = new AbortController();

  constructor(
    private readonly element: HTMLElement,
    private readonly delegate: StageDelegate,
  ) {
    const options = { signal: this.abort.signal };
    element.addEventListener('pointerdown', (e) => this.down(e), options);
    element.addEventListener('pointermove', (e) => this.move(e), options);
    element.addEventListener('pointerup', (e) => this.up(e, false), options);
    element.addEventListener('pointercancel', (e) => this.up(e, true), options);
    element.addEventListener('pointerleave', (e) => e.pointerType !== 'touch' && this.delegate.hover(null), options);
    // Not passive: the page, not the browser, zooms and scrolls.
    element.addEventListener('wheel', (e) => this.wheel(e), { ...options, passive: false });
  }

  private stage(): Size {
    return { width: this.element.clientWidth, height: this.element.clientHeight };
  }

  private local(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const rect = this.element.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  private sample(e: PointerEvent): DrawSample {
    const point = toPage(this.local(e), this.delegate.camera(), this.delegate.pageSize(), this.stage());
    return { x: point.x, y: point.y, pressure: e.pressure, pointerType: e.pointerType };
  }

  private down(e: PointerEvent): void {
    if (e.pointerType === 'pen') {
      this.delegate.penSeen();
      this.penDown = true;
    }
    const route = routePointerDown(
      { pointerType: e.pointerType, button: e.button, width: e.width, height: e.height, at: e.timeStamp },
      {
        ...this.delegate.routing(),
        penDown: this.penDown && e.pointerType !== 'pen',
        lastPenUpAt: this.lastPenUpAt,
        touches: this.touchCount(),
      },
    );
    if (route === 'ignore') return;
    e.preventDefault();
    this.element.setPointerCapture(e.pointerId);
    if (route === 'navigate') {
      // A finger that was drawing joins the pinch: its unfinished stroke is dropped.
      for (const [id, type] of this.drawing) {
        if (type === 'touch' && e.pointerType === 'touch') {
          this.drawing.delete(id);
          this.delegate.drawCancel(id);
          const p = this.local(e);
          this.moving.set(id, { x: p.x, y: p.y, startX: p.x, startY: p.y, startAt: e.timeStamp });
        }
      }
      const p = this.local(e);
      this.moving.set(e.pointerId, { x: p.x, y: p.y, startX: p.x, startY: p.y, startAt: e.timeStamp });
      return;
    }
    this.drawing.set(e.pointerId, e.pointerType);
    this.delegate.drawStart(e.pointerId, this.sample(e));
  }

  private touchCount(): number {
    let n = this.moving.size;
    for (const type of this.drawing.values()) if (type === 'touch') n++;
    return n;
  }

  private move(e: PointerEvent): void {
    if (this.drawing.has(e.pointerId)) {
      const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
      this.delegate.drawMove(
        e.pointerId,
        (events.length > 0 ? events : [e]).map((c) => this.sample(c)),
      );
      return;
    }
    const tracked = this.moving.get(e.pointerId);
    if (!tracked) {
      if (e.pointerType !== 'touch' && e.buttons === 0) this.delegate.hover(this.sample(e));
      return;
    }
    const p = this.local(e);
    const page = this.delegate.pageSize();
    const stage = this.stage();
    let camera = this.delegate.camera();
    // Two fingers: the distance between them zooms, their midpoint pans (each finger's move counts half).
    const other = [...this.moving.entries()].find(([id]) => id !== e.pointerId)?.[1];
    if (other) {
      const before = Math.hypot(tracked.x - other.x, tracked.y - other.y);
      const after = Math.hypot(p.x - other.x, p.y - other.y);
      const focus = { x: (p.x + other.x) / 2, y: (p.y + other.y) / 2 };
      if (before > 0) camera = zoomAt(camera, after / before, focus, page, stage);
      camera = panBy(camera, (p.x - tracked.x) / 2, (p.y - tracked.y) / 2, page, stage);
    } else {
      camera = panBy(camera, p.x - tracked.x, p.y - tracked.y, page, stage);
    }
    tracked.x = p.x;
    tracked.y = p.y;
    this.delegate.setCamera(camera);
  }

  private up(e: PointerEvent, cancelled: boolean): void {
    if (e.pointerType === 'pen') {
      this.penDown = false;
      this.lastPenUpAt = e.timeStamp;
    }
    if (this.drawing.delete(e.pointerId)) {
      if (cancelled) this.delegate.drawCancel(e.pointerId);
      else this.delegate.drawEnd(e.pointerId);
      return;
    }
    const tracked = this.moving.get(e.pointerId);
    if (!tracked) return;
    this.moving.delete(e.pointerId);
    const dx = tracked.x - tracked.startX;
    const dy = tracked.y - tracked.startY;
    const swipe =
      !cancelled &&
      this.moving.size === 0 &&
      this.delegate.camera().zoom <= 1.01 &&
      Math.abs(dx) > SWIPE_PX &&
      Math.abs(dx) > 2 * Math.abs(dy) &&
      e.timeStamp - tracked.startAt < SWIPE_MS;
    if (swipe) this.delegate.flip(dx < 0 ? 1 : -1);
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    const page = this.delegate.pageSize();
    const stage = this.stage();
    const camera = this.delegate.camera();
    // Lines or pages of scrolling, in pixels.
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? stage.height : 1;
    if (e.ctrlKey || e.metaKey) {
      this.delegate.setCamera(zoomAt(camera, Math.exp((-e.deltaY * unit) / 300), this.local(e), page, stage));
      return;
    }
    if (camera.zoom <= 1.01) {
      this.wheelTravel += e.deltaY * unit;
      if (Math.abs(this.wheelTravel) >= WHEEL_FLIP) {
        this.delegate.flip(this.wheelTravel > 0 ? 1 : -1);
        this.wheelTravel = 0;
      }
      return;
    }
    this.delegate.setCamera(panBy(camera, -e.deltaX * unit, -e.deltaY * unit, page, stage));
  }

  destroy(): void {
    this.abort.abort();
  }
}
