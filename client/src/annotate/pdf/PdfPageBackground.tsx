// A PDF page under the ink: the rendered page (shown at once from the page cache, sharpened once the zoom settles)
// and pdf.js's text layer, which makes the text selectable and carries the search hits.
import { useEffect, useRef } from 'react';
import type { TextLayer } from 'pdfjs-dist';
import { loadPdfJs } from './pdfjs.ts';
import type { PageCache } from './pageCache.ts';
import type { ItemRange } from './textSearch.ts';

/** Re-rendering waits until the zoom has stopped changing for this long. */
const SETTLE_MS = 160;

export interface PageHits {
  /** The matches on this page; `current` is the index of the one the search is at, or -1. */
  matches: ItemRange[][];
  current: number;
}

function drawInto(target: HTMLCanvasElement, source: HTMLCanvasElement): void {
  if (target.width !== source.width || target.height !== source.height) {
    target.width = source.width;
    target.height = source.height;
  }
  target.getContext('2d')?.drawImage(source, 0, 0);
}

export function PdfPageBackground({
  cache,
  pageNumber,
  scale,
  hits,
}: {
  cache: PageCache;
  pageNumber: number;
  scale: number;
  hits: PageHits | null;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<{ page: number; layer: TextLayer; texts: string[] } | null>(null);
  const hitsRef = useRef(hits);
  hitsRef.current = hits;

  // The page at the current zoom: what the cache has now, then a sharp rendering, then the neighbours.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || scale <= 0) return;
    const have = cache.peek(pageNumber);
    // Not yet rendered: a blank page rather than the previous page under this page's ink.
    if (have) drawInto(canvas, have.canvas);
    else canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    const wanted = scale * (window.devicePixelRatio || 1);
    let cancelled = false;
    const timer = setTimeout(
      () => {
        cache.render(pageNumber, wanted).then(
          (rendered) => {
            if (cancelled || !rendered) return;
            drawInto(canvas, rendered.canvas);
            cache.prefetch([pageNumber + 1, pageNumber - 1, pageNumber + 2], wanted);
          },
          (err: unknown) => console.warn(`rendering page ${pageNumber} failed`, err),
        );
      },
      have ? SETTLE_MS : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [cache, pageNumber, scale]);

  // The text layer once per page: its size follows the zoom through --total-scale-factor.
  useEffect(() => {
    const container = textRef.current;
    if (!container) return;
    let cancelled = false;
    let layer: TextLayer | null = null;
    container.replaceChildren();
    layerRef.current = null;
    (async () => {
      const [pdfjs, page] = await Promise.all([loadPdfJs(), cache.page(pageNumber)]);
      if (cancelled) return;
      layer = new pdfjs.TextLayer({
        textContentSource: page.streamTextContent(),
        container,
        viewport: page.getViewport({ scale: 1 }),
      });
      await layer.render();
      if (cancelled) return;
      layerRef.current = { page: pageNumber, layer, texts: layer.textDivs.map((div) => div.textContent ?? '') };
      markHits(layerRef.current, hitsRef.current);
    })().catch((err: unknown) => {
      if (!cancelled) console.warn(`text layer of page ${pageNumber} failed`, err);
    });
    return () => {
      cancelled = true;
      layer?.cancel();
    };
  }, [cache, pageNumber]);

  useEffect(() => {
    if (layerRef.current) markHits(layerRef.current, hits);
  }, [hits]);

  return (
    <>
      <canvas ref={canvasRef} className="an-pdf-canvas" data-testid="pdf-canvas" />
      <div ref={textRef} className="textLayer an-text-layer" />
    </>
  );
}

/** Wraps the matched characters of each text item in <mark>, restoring the plain text first. */
function markHits(state: { layer: TextLayer; texts: string[] }, hits: PageHits | null): void {
  const divs = state.layer.textDivs;
  divs.forEach((div, i) => {
    if (div.childElementCount > 0) div.textContent = state.texts[i] ?? '';
  });
  if (!hits) return;
  const perItem = new Map<number, Array<{ start: number; end: number; current: boolean }>>();
  hits.matches.forEach((ranges, index) => {
    for (const r of ranges) {
      const list = perItem.get(r.item) ?? [];
      list.push({ start: r.start, end: r.end, current: index === hits.current });
      perItem.set(r.item, list);
    }
  });
  for (const [item, ranges] of perItem) {
    const div = divs[item];
    const text = state.texts[item];
    if (!div || text === undefined) continue;
    const parts: Node[] = [];
    let at = 0;
    for (const r of ranges.sort((a, b) => a.start - b.start)) {
      if (r.start < at) continue;
      if (r.start > at) parts.push(document.createTextNode(text.slice(at, r.start)));
      const mark = document.createElement('mark');
      mark.className = r.current ? 'an-hit an-hit--current' : 'an-hit';
      mark.textContent = text.slice(r.start, r.end);
      parts.push(mark);
      at = r.end;
    }
    if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
    div.replaceChildren(...parts);
  }
}
