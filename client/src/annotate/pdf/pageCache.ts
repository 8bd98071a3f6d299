// Rendered PDF pages kept for fast page flipping: the page in view is rendered first, its neighbours next, and a page
// rendered once is shown again at once (then sharpened if the zoom grew). A few pages only: each is a full bitmap.
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';

export interface RenderedPage {
  canvas: HTMLCanvasElement;
  /** Device pixels per page unit it was rendered at. */
  scale: number;
}

/** Pages kept rendered (the current one and its neighbours, and a few just visited)… */
const KEEP = 7;
/** …within this many device pixels in all (4 bytes each: ~200 MB), so zooming in on a tablet cannot exhaust memory. */
const PIXEL_BUDGET = 48_000_000;
/** The largest bitmap rendered, in device pixels: beyond this a zoomed page is shown a little soft. */
const MAX_PIXELS = 12_000_000;

export class PageCache {
  private readonly rendered = new Map<number, RenderedPage>();
  private readonly pending = new Map<number, { scale: number; cancel(): void; done: Promise<RenderedPage | null> }>();
  private readonly pages = new Map<number, Promise<PDFPageProxy>>();
  private disposed = false;

  constructor(private readonly pdf: PDFDocumentProxy) {}

  page(pageNumber: number): Promise<PDFPageProxy> {
    let page = this.pages.get(pageNumber);
    if (!page) {
      page = this.pdf.getPage(pageNumber);
      this.pages.set(pageNumber, page);
    }
    return page;
  }

  /** The best rendering there is now, whatever its scale (shown at once, stretched, while a sharper one renders). */
  peek(pageNumber: number): RenderedPage | null {
    const hit = this.rendered.get(pageNumber) ?? null;
    if (hit) {
      // Most recently used last.
      this.rendered.delete(pageNumber);
      this.rendered.set(pageNumber, hit);
    }
    return hit;
  }

  /** Renders the page at `scale` (device pixels per page unit) unless a rendering at least that sharp exists. */
  render(pageNumber: number, scale: number): Promise<RenderedPage | null> {
    const have = this.rendered.get(pageNumber);
    if (have && have.scale >= scale * 0.95) return Promise.resolve(have);
    const running = this.pending.get(pageNumber);
    if (running && running.scale >= scale * 0.95) return running.done;
    running?.cancel();
    return this.start(pageNumber, scale);
  }

  private start(pageNumber: number, scale: number): Promise<RenderedPage | null> {
    let resolveTask!: (task: RenderTask) => void;
    const taskReady = new Promise<RenderTask>((resolve) => {
      resolveTask = resolve;
    });
    const done = (async () => {
      const page = await this.page(pageNumber);
      const base = page.getViewport({ scale: 1 });
      const limited = Math.min(scale, Math.sqrt(MAX_PIXELS / (base.width * base.height)));
      const viewport = page.getViewport({ scale: limited });
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.floor(viewport.width));
      canvas.height = Math.max(1, Math.floor(viewport.height));
      const task = page.render({ canvas, viewport });
      resolveTask(task);
      try {
        await task.promise;
      } catch (err) {
        // Superseded by a sharper rendering, or the viewer closed: not an error.
        if (err instanceof Error && err.name === 'RenderingCancelledException') return null;
        throw err;
      }
      if (this.disposed) return null;
      const result = { canvas, scale: limited };
      // Most recently rendered last (a re-rendered page would otherwise keep its old place and go first).
      this.rendered.delete(pageNumber);
      this.rendered.set(pageNumber, result);
      const pixels = () => [...this.rendered.values()].reduce((n, r) => n + r.canvas.width * r.canvas.height, 0);
      while (this.rendered.size > 1 && (this.rendered.size > KEEP || pixels() > PIXEL_BUDGET))
        this.rendered.delete(this.rendered.keys().next().value!);
      return result;
    })().finally(() => {
      if (this.pending.get(pageNumber)?.done === done) this.pending.delete(pageNumber);
    });
    // The task exists only after the page loaded; until then cancelling means waiting for it.
    this.pending.set(pageNumber, { scale, done, cancel: () => void taskReady.then((t) => t.cancel()) });
    return done;
  }

  /** Renders the neighbours after the page in view, so the next flip shows a finished page. */
  prefetch(pageNumbers: number[], scale: number): void {
    void (async () => {
      for (const n of pageNumbers) {
        if (this.disposed || n < 1 || n > this.pdf.numPages) continue;
        await this.render(n, scale);
      }
    })().catch((err: unknown) => console.warn('prefetching pages failed', err));
  }

  dispose(): void {
    this.disposed = true;
    for (const { cancel } of this.pending.values()) cancel();
    this.pending.clear();
    this.rendered.clear();
  }
}
