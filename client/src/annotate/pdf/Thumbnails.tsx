// The pages of a PDF as small pictures down the side: tap one to go there. Rendered only when scrolled into view.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageCache } from './pageCache.ts';

const THUMB_WIDTH = 112;

function Thumbnail({
  cache,
  pageNumber,
  active,
  onPick,
}: {
  cache: PageCache;
  pageNumber: number;
  active: boolean;
  onPick(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!visible) return;
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    (async () => {
      const page = await cache.page(pageNumber);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (THUMB_WIDTH * (window.devicePixelRatio || 1)) / base.width });
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const render = page.render({ canvas, viewport });
      task = render;
      await render.promise;
    })().catch((err: unknown) => {
      if (!cancelled && !(err instanceof Error && err.name === 'RenderingCancelledException'))
        console.warn(`thumbnail ${pageNumber} failed`, err);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [visible, cache, pageNumber]);

  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <button
      ref={ref}
      type="button"
      className={`an-thumb${active ? ' an-thumb--active' : ''}`}
      onClick={onPick}
      aria-current={active ? 'page' : undefined}
      aria-label={t('annotate.viewer.goToPage', { page: pageNumber })}
      data-testid="thumbnail"
      data-page={pageNumber}
    >
      <canvas ref={canvasRef} style={{ width: THUMB_WIDTH }} />
      <span className="an-thumb__number">{pageNumber}</span>
    </button>
  );
}

export function Thumbnails({
  cache,
  pages,
  current,
  onPick,
}: {
  cache: PageCache;
  pages: number;
  current: number;
  onPick(page: number): void;
}) {
  return (
    <nav className="an-thumbs">
      {Array.from({ length: pages }, (_, i) => (
        <Thumbnail
          key={i + 1}
          cache={cache}
          pageNumber={i + 1}
          active={current === i + 1}
          onPick={() => onPick(i + 1)}
        />
      ))}
    </nav>
  );
}
