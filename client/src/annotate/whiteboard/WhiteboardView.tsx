// The meeting's whiteboard: its pages down the side (blank, or a frozen frame of the shared screen), the page with
// the same ink engine as the materials. The presenter adds a page from the shared screen; anyone who may draw adds
// blank pages.
import { CameraOutlined, DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Spin, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addWhiteboardPage, removeWhiteboardPage, type WhiteboardPage } from '../../../../common/schema/inkModel.ts';
import { annotationsApi } from '../../api/annotations.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { serverNow } from '../../api/serverClock.ts';
import { InkHistory } from '../ink/inkHistory.ts';
import type { InkSource } from '../ink/pageInk.ts';
import { surfacePageProps, type ExportablePage, type FollowedView, type SurfaceContext } from '../surface.ts';
import { useFlipKeys } from '../viewer/useFlipKeys.ts';
import { PageView } from '../viewer/PageView.tsx';
import { freezeFrame } from './screenSnapshot.ts';
import { BLANK_PAGE, useImageSize, useWhiteboardPages } from './useWhiteboardPages.ts';

interface WhiteboardViewProps {
  ctx: SurfaceContext;
  documentId: string;
  doc: Y.Doc;
  access: string;
  pageId: string | null;
  onPage(pageId: string): void;
  followed: FollowedView | null;
  showSide: boolean;
  /** The shared screen, when someone shares one (in the meeting room). */
  screenTrack: MediaStreamTrack | null;
  onExportable(page: ExportablePage | null): void;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('snapshot image failed to load'));
    image.src = url;
  });
}

export function WhiteboardView({
  ctx,
  documentId,
  doc,
  access,
  pageId,
  onPage,
  followed,
  showSide,
  screenTrack,
  onExportable,
}: WhiteboardViewProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pages = useWhiteboardPages(doc);
  const [freezing, setFreezing] = useState(false);
  const history = useMemo(() => new InkHistory([doc]), [doc]);
  useEffect(() => () => history.destroy(), [history]);
  const sources = useMemo<InkSource[]>(() => [{ doc, layer: 'shared' }], [doc]);
  const canDraw = access === 'comment' || access === 'edit' || access === 'suggest';
  const moderator = access === 'edit';
  const { onInk } = ctx;
  useEffect(() => onInk({ history, canDraw, moderator, privateLayer: false }), [onInk, history, canDraw, moderator]);
  // Everything on the whiteboard is shared, whatever layer the person picked for the materials.
  const settings = useMemo(() => ({ ...ctx.settings, layer: 'shared' as const }), [ctx.settings]);

  const index = Math.max(
    0,
    pages.findIndex((p) => p.id === pageId),
  );
  const page: WhiteboardPage | undefined = pages[index];
  const snapshotUrl =
    page && page.background !== 'blank' ? annotationsApi.imageUrl(documentId, page.background.snapshotFileId) : null;
  const imageSize = useImageSize(snapshotUrl);
  const size = useMemo(() => (snapshotUrl ? imageSize : BLANK_PAGE), [snapshotUrl, imageSize]);

  // The first page is shown until someone picks another (and the page list may arrive after the surface).
  useEffect(() => {
    if (page && page.id !== pageId) onPage(page.id);
  }, [page, pageId, onPage]);

  useEffect(() => {
    if (!page || !size) {
      onExportable(null);
      return;
    }
    onExportable({
      pageKey: page.id,
      size,
      sources,
      source: { sourceType: 'whiteboard', sourceId: documentId, page: page.id },
      caption: t('annotate.export.boardCaption', { page: index + 1 }),
      drawBackground: async (c, width, height) => {
        c.fillStyle = '#ffffff';
        c.fillRect(0, 0, width, height);
        if (snapshotUrl) c.drawImage(await loadImage(snapshotUrl), 0, 0, width, height);
      },
    });
  }, [page, index, size, sources, documentId, snapshotUrl, onExportable, t]);

  const addBlank = () => {
    try {
      onPage(addWhiteboardPage(doc, 'blank', ctx.me.id, serverNow(), history.origin).id);
    } catch (err) {
      ctx.inkRefused(err);
    }
  };

  const addSnapshot = async () => {
    if (!screenTrack) return;
    setFreezing(true);
    try {
      const frame = await freezeFrame(screenTrack);
      // The server adds the page (everyone gets the same one); it arrives over the collab connection.
      const { pageId: added } = await annotationsApi.uploadSnapshot(ctx.meetingId, documentId, frame.png);
      onPage(added);
      message.success(t('annotate.board.snapshotDone'));
    } catch (err) {
      message.error(t('annotate.board.snapshotFailed', { message: errorMessage(t, err) }));
    } finally {
      setFreezing(false);
    }
  };

  const flip = useCallback(
    (delta: 1 | -1) => {
      const next = pages[index + delta];
      if (next) onPage(next.id);
    },
    [pages, index, onPage],
  );
  useFlipKeys(flip);

  return (
    <div className="an-surface" data-testid="whiteboard-view" data-pages={pages.length} data-page={page?.id ?? ''}>
      {showSide && (
        <aside className="an-side">
          <div className="an-board-actions">
            {canDraw && (
              <Button size="large" icon={<PlusOutlined />} onClick={addBlank} data-testid="add-blank-page">
                {t('annotate.board.addBlank')}
              </Button>
            )}
            {moderator && (
              <Tooltip title={screenTrack ? t('annotate.board.snapshotHint') : t('annotate.board.snapshotNone')}>
                <Button
                  size="large"
                  icon={<CameraOutlined />}
                  disabled={!screenTrack}
                  loading={freezing}
                  onClick={() => void addSnapshot()}
                  data-testid="snapshot-screen"
                >
                  {t('annotate.board.snapshot')}
                </Button>
              </Tooltip>
            )}
          </div>
          <nav className="an-thumbs" aria-label={t('annotate.board.pages')}>
            {pages.map((p, i) => (
              <button
                key={p.id}
                type="button"
                className={`an-thumb an-thumb--board${p.id === page?.id ? ' an-thumb--active' : ''}`}
                onClick={() => onPage(p.id)}
                aria-current={p.id === page?.id ? 'page' : undefined}
                data-testid="board-thumbnail"
              >
                {p.background !== 'blank' && (
                  <img alt="" src={annotationsApi.imageUrl(documentId, p.background.snapshotFileId)} />
                )}
                <span className="an-thumb__number">{i + 1}</span>
              </button>
            ))}
          </nav>
        </aside>
      )}
      <div className="an-main">
        {!page && (
          <div className="an-center">
            <Empty description={t('annotate.board.empty')}>
              {canDraw && (
                <Button type="primary" size="large" icon={<PlusOutlined />} onClick={addBlank}>
                  {t('annotate.board.addBlank')}
                </Button>
              )}
            </Empty>
          </div>
        )}
        {page && !size && (
          <div className="an-center">
            <Spin />
          </div>
        )}
        {page && size && (
          <PageView
            pageKey={page.id}
            pageSize={size}
            renderBackground={() =>
              snapshotUrl ? (
                <img className="an-board-image" alt="" src={snapshotUrl} draggable={false} />
              ) : (
                <div className="an-board-blank" />
              )
            }
            sources={sources}
            canDraw={canDraw}
            moderator={moderator}
            history={history}
            settings={settings}
            onFlip={flip}
            {...surfacePageProps(ctx, followed, { materialId: null, page: page.id })}
          />
        )}
        <div className="an-pager">
          <Button
            size="large"
            shape="circle"
            icon={<LeftOutlined />}
            disabled={index <= 0}
            onClick={() => flip(-1)}
            aria-label={t('annotate.viewer.previous')}
          />
          <span>{pages.length > 0 ? t('annotate.board.page', { page: index + 1 }) : ''}</span>
          <Button
            size="large"
            shape="circle"
            icon={<RightOutlined />}
            disabled={index >= pages.length - 1}
            onClick={() => flip(1)}
            aria-label={t('annotate.viewer.next')}
          />
          {moderator && page && (
            <Popconfirm
              title={t('annotate.board.removePage')}
              onConfirm={() => removeWhiteboardPage(doc, page.id, history.origin)}
            >
              <Button
                size="large"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('annotate.board.removePage')}
              />
            </Popconfirm>
          )}
        </div>
      </div>
    </div>
  );
}
