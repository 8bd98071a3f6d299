// A PDF material with its ink: thumbnails and search beside the page, the page with the shared layer and one's
// private layer over it, page flipping below. The page shown is the workspace's choice (the presenter's page while
// following); flipping here tells the workspace.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Result, Spin, Typography } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { annotationsApi, type MaterialAnnotations } from '../api/annotations.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { http } from '../api/http.ts';
import { meetingsApi, type Material } from '../api/meetings.ts';
import { InkHistory } from './ink/inkHistory.ts';
import type { InkSource } from './ink/pageInk.ts';
import { useInkDocument } from './ink/useInkDocument.ts';
import { PageCache } from './pdf/pageCache.ts';
import { PdfPageBackground, type PageHits } from './pdf/PdfPageBackground.tsx';
import { openPdf } from './pdf/pdfjs.ts';
import { Thumbnails } from './pdf/Thumbnails.tsx';
import { useDocumentSearch } from './pdf/useDocumentSearch.ts';
import { surfacePageProps, type ExportablePage, type FollowedView, type SurfaceContext } from './surface.ts';
import type { Size } from './viewer/camera.ts';
import { useFlipKeys } from './viewer/useFlipKeys.ts';
import { PageView } from './viewer/PageView.tsx';

interface MaterialViewProps {
  ctx: SurfaceContext;
  material: Material;
  page: number;
  onPage(page: number): void;
  followed: FollowedView | null;
  showSide: boolean;
  /** The page's export (PNG/PDF, to the minutes) lives in the workspace's toolbar; it needs the page's pieces. */
  onExportable(page: ExportablePage | null): void;
}

type Loaded =
  | { phase: 'loading' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'ready'; pdf: PDFDocumentProxy; cache: PageCache };

function usePdf(meetingId: string, materialId: string): Loaded {
  const [state, setState] = useState<Loaded>({ phase: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let pdf: PDFDocumentProxy | null = null;
    let cache: PageCache | null = null;
    setState({ phase: 'loading' });
    (async () => {
      const bytes = await http.bytes(meetingsApi.materialUrl(meetingId, materialId));
      const opened = await openPdf(bytes);
      if (cancelled) {
        void opened.loadingTask.destroy();
        return;
      }
      pdf = opened;
      cache = new PageCache(opened);
      setState({ phase: 'ready', pdf: opened, cache });
    })().catch((error: unknown) => {
      if (!cancelled) setState({ phase: 'failed', error });
    });
    return () => {
      cancelled = true;
      cache?.dispose();
      void pdf?.loadingTask.destroy();
    };
  }, [meetingId, materialId]);
  return state;
}

function useAnnotationDocs(meetingId: string, materialId: string): { ids: MaterialAnnotations | null; error: unknown } {
  const [ids, setIds] = useState<MaterialAnnotations | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    setIds(null);
    setError(null);
    annotationsApi.material(meetingId, materialId).then(
      (found) => !cancelled && setIds(found),
      (err: unknown) => !cancelled && setError(err),
    );
    return () => {
      cancelled = true;
    };
  }, [meetingId, materialId]);
  return { ids, error };
}

export function MaterialView({ ctx, material, page, onPage, followed, showSide, onExportable }: MaterialViewProps) {
  const { t } = useTranslation();
  const loaded = usePdf(ctx.meetingId, material.id);
  const { ids, error: idsError } = useAnnotationDocs(ctx.meetingId, material.id);
  const shared = useInkDocument(ids?.sharedDocumentId ?? null, { onRefused: ctx.serverRefused });
  const own = useInkDocument(ids?.privateDocumentId ?? null, { onRefused: ctx.serverRefused });
  const [query, setQuery] = useState('');
  const [sizes, setSizes] = useState<Map<number, Size>>(new Map());

  const pdf = loaded.phase === 'ready' ? loaded.pdf : null;
  const cache = loaded.phase === 'ready' ? loaded.cache : null;
  const pages = pdf?.numPages ?? 0;
  const search = useDocumentSearch(pdf, query);

  const sharedDoc = shared.phase === 'ready' ? shared.connection.doc : null;
  const ownDoc = own.phase === 'ready' ? own.connection.doc : null;
  const sources = useMemo<InkSource[]>(
    () => [
      ...(sharedDoc ? [{ doc: sharedDoc, layer: 'shared' as const }] : []),
      ...(ownDoc ? [{ doc: ownDoc, layer: 'private' as const }] : []),
    ],
    [sharedDoc, ownDoc],
  );
  const history = useMemo(
    () => (sharedDoc && ownDoc ? new InkHistory([sharedDoc, ownDoc]) : null),
    [sharedDoc, ownDoc],
  );
  useEffect(() => () => history?.destroy(), [history]);
  const access = shared.phase === 'ready' ? shared.access : 'view';
  const canDraw = history !== null && (access === 'comment' || access === 'edit' || access === 'suggest');
  const moderator = access === 'edit';
  const { onInk } = ctx;
  useEffect(() => onInk({ history, canDraw, moderator, privateLayer: true }), [onInk, history, canDraw, moderator]);

  // Page sizes as they become known (pages of one PDF may differ).
  const current = Math.min(Math.max(1, page), Math.max(1, pages));
  useEffect(() => {
    if (!cache || sizes.has(current)) return;
    let cancelled = false;
    cache.page(current).then(
      (p) => {
        const v = p.getViewport({ scale: 1 });
        if (!cancelled) setSizes((s) => new Map(s).set(current, { width: v.width, height: v.height }));
      },
      (err: unknown) => ctx.failed(err),
    );
    return () => {
      cancelled = true;
    };
  }, [cache, current, sizes, ctx]);
  const size = sizes.get(current) ?? null;

  useEffect(() => {
    if (!cache || !size) {
      onExportable(null);
      return;
    }
    onExportable({
      pageKey: String(current),
      size,
      sources,
      source: { sourceType: 'material', sourceId: material.id, page: String(current) },
      caption: t('annotate.export.materialCaption', { title: material.title, page: current }),
      drawBackground: async (c, width, height) => {
        const rendered = await cache.render(current, width / size.width);
        c.fillStyle = '#ffffff';
        c.fillRect(0, 0, width, height);
        if (rendered) c.drawImage(rendered.canvas, 0, 0, width, height);
      },
    });
  }, [cache, current, size, sources, material.id, material.title, onExportable, t]);

  const hitsOnPage = useMemo<PageHits | null>(() => {
    if (search.matches.length === 0) return null;
    const onPage = search.matches.map((m, i) => ({ m, i })).filter(({ m }) => m.page === current);
    if (onPage.length === 0) return null;
    return { matches: onPage.map(({ m }) => m.ranges), current: onPage.findIndex(({ i }) => i === search.current) };
  }, [search.matches, search.current, current]);

  const flip = useCallback(
    (delta: 1 | -1) => {
      const next = current + delta;
      if (next >= 1 && next <= pages) onPage(next);
    },
    [current, pages, onPage],
  );
  useFlipKeys(flip);

  if (loaded.phase === 'failed')
    return <Result status="warning" title={t('annotate.failed', { message: errorMessage(t, loaded.error) })} />;
  if (idsError) return <Result status="warning" title={t('annotate.failed', { message: errorMessage(t, idsError) })} />;
  if (!cache || !size)
    return (
      <div className="an-center">
        <Spin tip={t('annotate.loading')}>
          <div className="an-spin-room" />
        </Spin>
      </div>
    );

  const inkFailed = shared.phase === 'failed' ? shared.error : own.phase === 'failed' ? own.error : null;
  return (
    <div
      className="an-surface"
      data-testid="material-view"
      data-material-id={material.id}
      data-pages={pages}
      data-page={current}
    >
      {showSide && (
        <aside className="an-side">
          <div className="an-search">
            <Input.Search
              allowClear
              placeholder={t('annotate.viewer.search')}
              aria-label={t('annotate.viewer.search')}
              loading={search.searching}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onSearch={() => {
                const hit = search.go(1);
                if (hit) onPage(hit.page);
              }}
              data-testid="search"
            />
            {query.trim() && !search.searching && (
              <div className="an-search__nav">
                <Typography.Text type="secondary" data-testid="search-count">
                  {search.matches.length === 0
                    ? t('annotate.viewer.noResults')
                    : t('annotate.viewer.searchResults', { current: search.current + 1, total: search.matches.length })}
                </Typography.Text>
                <Button
                  size="small"
                  icon={<LeftOutlined />}
                  aria-label={t('annotate.viewer.previousHit')}
                  disabled={search.matches.length === 0}
                  onClick={() => {
                    const hit = search.go(-1);
                    if (hit) onPage(hit.page);
                  }}
                />
                <Button
                  size="small"
                  icon={<RightOutlined />}
                  aria-label={t('annotate.viewer.nextHit')}
                  disabled={search.matches.length === 0}
                  onClick={() => {
                    const hit = search.go(1);
                    if (hit) onPage(hit.page);
                  }}
                />
              </div>
            )}
          </div>
          <Thumbnails cache={cache} pages={pages} current={current} onPick={onPage} />
        </aside>
      )}
      <div className="an-main">
        {inkFailed !== null && (
          <Alert type="warning" showIcon banner title={t('annotate.failed', { message: errorMessage(t, inkFailed) })} />
        )}
        {history && (
          <PageView
            pageKey={String(current)}
            pageSize={size}
            renderBackground={(scale) => (
              <PdfPageBackground cache={cache} pageNumber={current} scale={scale} hits={hitsOnPage} />
            )}
            sources={sources}
            canDraw={canDraw}
            moderator={moderator}
            history={history}
            settings={ctx.settings}
            onFlip={flip}
            {...surfacePageProps(ctx, followed, { materialId: material.id, page: String(current) })}
          />
        )}
        {!history && (
          <div className="an-center">
            <Spin />
          </div>
        )}
        <div className="an-pager">
          <Button
            size="large"
            shape="circle"
            icon={<LeftOutlined />}
            disabled={current <= 1}
            onClick={() => flip(-1)}
            aria-label={t('annotate.viewer.previous')}
            data-testid="previous-page"
          />
          <span data-testid="page-number">{t('annotate.viewer.page', { page: current, pages })}</span>
          <Button
            size="large"
            shape="circle"
            icon={<RightOutlined />}
            disabled={current >= pages}
            onClick={() => flip(1)}
            aria-label={t('annotate.viewer.next')}
            data-testid="next-page"
          />
        </div>
      </div>
    </div>
  );
}
