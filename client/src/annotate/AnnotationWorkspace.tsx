// Co-annotation for one meeting: its PDF materials and its whiteboard, one ink toolbar, and following the presenter.
// Used full screen (/meetings/:id/annotate) and inside the meeting room. What is shown is the presenter's view while
// following one, otherwise this person's own choice; any page turn of one's own starts browsing freely.
import { AimOutlined, MenuFoldOutlined, MenuUnfoldOutlined, RollbackOutlined, SoundOutlined } from '@ant-design/icons';
import { Alert, App, Button, Result, Select, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';
import { meetingsApi, type MeetingDetail } from '../api/meetings.ts';
import { useWideLayout } from '../components/useWideLayout.ts';
import { useActiveSession } from '../session/sessionContext.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { followTarget } from './follow/followState.ts';
import { useFollow } from './follow/useFollow.ts';
import { InkToolbar } from './ink/InkToolbar.tsx';
import { loadSettings, saveSettings, type InkSettings } from './ink/inkSettings.ts';
import { useInkDocument } from './ink/useInkDocument.ts';
import { MaterialView } from './MaterialView.tsx';
import type { ExportablePage, FollowedView, InkAccess, SurfaceContext } from './surface.ts';
import { useMeetingWhiteboard } from './useMeetingWhiteboard.ts';
import { WhiteboardView } from './whiteboard/WhiteboardView.tsx';
import './annotate.css';

export type Surface = { kind: 'material'; materialId: string } | { kind: 'whiteboard' };

interface WorkspaceProps {
  meetingId: string;
  initial?: Surface;
  /** The shared screen in the meeting room (for whiteboard snapshots). */
  screenTrack?: MediaStreamTrack | null;
  /** Inside the meeting room (dark frame, no page title). */
  embedded?: boolean;
  /** Where "back" goes, full screen. */
  header?: React.ReactNode;
}

interface OwnView {
  surface: Surface;
  pages: Record<string, number>;
  boardPage: string | null;
}

const NO_HISTORY = { canUndo: false, canRedo: false };
const noSubscription = () => () => undefined;

function useMeetingDetail(meetingId: string): { meeting: MeetingDetail | null; error: unknown } {
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    meetingsApi.get(meetingId).then(
      (m) => !cancelled && setMeeting(m),
      (err: unknown) => !cancelled && setError(err),
    );
    return () => {
      cancelled = true;
    };
  }, [meetingId]);
  return { meeting, error };
}

export function AnnotationWorkspace({
  meetingId,
  initial,
  screenTrack = null,
  embedded = false,
  header,
}: WorkspaceProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useActiveSession();
  const wide = useWideLayout();
  const me = useMemo(
    () => ({ id: session.user.id, name: session.user.displayName }),
    [session.user.id, session.user.displayName],
  );
  const { meeting, error: meetingError } = useMeetingDetail(meetingId);
  const board = useMeetingWhiteboard(meetingId, t('annotate.whiteboard'));
  const serverRefused = useCallback(() => message.warning(t('annotate.connection.refused')), [message, t]);
  const stage = useInkDocument(board.documentId, { onRefused: serverRefused });
  const awareness = stage.phase === 'ready' ? stage.connection.provider.awareness : null;
  const follow = useFollow(awareness, me);

  const [settings, setSettings] = useState<InkSettings>(loadSettings);
  const changeSettings = useCallback(
    (change: Partial<InkSettings>) =>
      setSettings((s) => {
        const next = { ...s, ...change };
        saveSettings(next);
        return next;
      }),
    [],
  );
  const [penSeen, setPenSeen] = useState(false);
  const [showSide, setShowSide] = useState(wide);
  const [ink, setInk] = useState<InkAccess>({ history: null, canDraw: false, moderator: false, privateLayer: false });
  const [exportable, setExportable] = useState<ExportablePage | null>(null);
  const history = useSyncExternalStore(
    ink.history?.subscribe ?? noSubscription,
    ink.history?.getSnapshot ?? (() => NO_HISTORY),
  );

  const pdfs = useMemo(() => (meeting?.materials ?? []).filter((m) => m.kind === 'pdf'), [meeting]);
  const [own, setOwn] = useState<OwnView>({ surface: initial ?? { kind: 'whiteboard' }, pages: {}, boardPage: null });
  // Without a choice, the first PDF (or the whiteboard) is shown.
  useEffect(() => {
    if (!initial && pdfs[0])
      setOwn((o) =>
        o.surface.kind === 'whiteboard' && !o.boardPage
          ? { ...o, surface: { kind: 'material', materialId: pdfs[0]!.id } }
          : o,
      );
  }, [initial, pdfs]);

  const target = followTarget(follow.state);
  const shown: { surface: Surface; page: number; boardPage: string | null } = target
    ? target.materialId
      ? {
          surface: { kind: 'material', materialId: target.materialId },
          page: Math.max(1, Number(target.page) || 1),
          boardPage: own.boardPage,
        }
      : { surface: { kind: 'whiteboard' }, page: 1, boardPage: target.page }
    : {
        surface: own.surface,
        page: own.surface.kind === 'material' ? (own.pages[own.surface.materialId] ?? 1) : 1,
        boardPage: own.boardPage,
      };

  // While following, one's own view goes along: when the presenter stops, or one starts browsing, one stays there.
  const following = target !== null;
  const targetMaterial = target?.materialId ?? null;
  const targetPage = target?.page ?? null;
  useEffect(() => {
    if (!following || targetPage === null) return;
    setOwn((o) =>
      targetMaterial
        ? {
            ...o,
            surface: { kind: 'material', materialId: targetMaterial },
            pages: { ...o.pages, [targetMaterial]: Math.max(1, Number(targetPage) || 1) },
          }
        : { ...o, surface: { kind: 'whiteboard' }, boardPage: targetPage },
    );
  }, [following, targetMaterial, targetPage]);

  /** One's own navigation (from what is shown now); while following, it starts browsing. */
  const navigate = useCallback(
    (change: (view: OwnView) => OwnView) => {
      setOwn(change);
      if (following) follow.dispatch({ type: 'navigated' });
    },
    [following, follow],
  );

  const onPage = useCallback(
    (page: number) =>
      navigate((o) =>
        o.surface.kind === 'material' ? { ...o, pages: { ...o.pages, [o.surface.materialId]: page } } : o,
      ),
    [navigate],
  );
  const onBoardPage = useCallback(
    (pageId: string) => {
      if (pageId === shown.boardPage) return;
      // The whiteboard choosing its first page is not the person navigating.
      if (shown.boardPage === null) setOwn((o) => ({ ...o, boardPage: pageId }));
      else navigate((o) => ({ ...o, boardPage: pageId }));
    },
    [navigate, shown.boardPage],
  );

  const { presenter } = follow.state;
  /** The presenter's camera while following them, and their laser to anyone on the same page. */
  const followedView = (materialId: string | null, page: string): FollowedView | null => {
    if (!presenter || follow.state.presenting || presenter.materialId !== materialId || presenter.page !== page)
      return null;
    return {
      camera: target ? { zoom: presenter.zoom, centre: presenter.centre } : null,
      laser: presenter.laser ? { ...presenter.laser, name: presenter.name } : null,
    };
  };

  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    if (meeting) {
      for (const p of [meeting.createdBy, meeting.host, meeting.minuteTaker]) if (p) names.set(p.id, p.displayName);
      for (const seat of meeting.participants) names.set(seat.userId, seat.displayName);
    }
    names.set(me.id, me.name);
    return (id: string) => names.get(id) ?? id.slice(0, 6);
  }, [meeting, me]);
  const authors = useMemo(() => {
    const list = [{ id: me.id, name: t('annotate.tools.me', { name: me.name }) }];
    for (const seat of meeting?.participants ?? [])
      if (seat.userId !== me.id) list.push({ id: seat.userId, name: seat.displayName });
    if (meeting?.host && !list.some((a) => a.id === meeting.host!.id))
      list.push({ id: meeting.host.id, name: meeting.host.displayName });
    return list;
  }, [meeting, me, t]);

  const failed = useCallback((err: unknown) => message.error(errorMessage(t, err)), [message, t]);
  const inkRefused = useCallback(
    (err: unknown) => {
      console.warn('ink change refused', err);
      message.warning(t('annotate.errors.tooMuch'));
    },
    [message, t],
  );

  const ctx: SurfaceContext = useMemo(
    () => ({
      meetingId,
      me,
      settings,
      penSeen,
      onPenSeen: () => setPenSeen(true),
      nameOf,
      failed,
      inkRefused,
      serverRefused,
      follow,
      navigated: () => navigate((o) => o),
      onInk: setInk,
    }),
    [meetingId, me, settings, penSeen, nameOf, failed, inkRefused, serverRefused, follow, navigate],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName))) return;
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      e.preventDefault();
      if (e.shiftKey) ink.history?.redo();
      else ink.history?.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ink.history]);

  if (meetingError)
    return (
      <Result
        status="warning"
        title={t('annotate.failed', { message: errorMessage(t, meetingError) })}
        extra={header}
      />
    );
  if (!meeting)
    return (
      <div className="an-center an-root">
        <Spin />
      </div>
    );

  const canPresent = stage.phase === 'ready' && stage.access === 'edit';
  const material =
    shown.surface.kind === 'material'
      ? (pdfs.find((m) => m.id === (shown.surface as { materialId: string }).materialId) ?? null)
      : null;
  const surfaceKey = shown.surface.kind === 'material' ? shown.surface.materialId : 'whiteboard';
  const choose = (key: string) =>
    navigate((o) => ({
      ...o,
      surface: key === 'whiteboard' ? { kind: 'whiteboard' } : { kind: 'material', materialId: key },
    }));

  const followBar = follow.state.presenting ? (
    <Tag color="red" icon={<SoundOutlined />} data-testid="presenting">
      {t('annotate.follow.presenting')}
    </Tag>
  ) : presenter ? (
    target ? (
      <Tag color="blue" icon={<AimOutlined />} data-testid="following">
        {t('annotate.follow.following', { name: presenter.name })}
      </Tag>
    ) : (
      <Space size={4}>
        <Tag data-testid="browsing">{t('annotate.follow.browsing', { name: presenter.name })}</Tag>
        <Button
          size="large"
          type="primary"
          icon={<RollbackOutlined />}
          onClick={() => follow.dispatch({ type: 'jumpBack' })}
          data-testid="jump-back"
        >
          {t('annotate.follow.jumpBack')}
        </Button>
      </Space>
    )
  ) : null;

  return (
    <div
      className={`an-root${embedded ? ' an-root--embedded' : ''}`}
      data-testid="annotation-workspace"
      data-following={target ? (presenter?.userId ?? '') : ''}
    >
      <div className="an-top">
        {header}
        <Button
          size="large"
          type="text"
          icon={showSide ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
          onClick={() => setShowSide((s) => !s)}
          aria-label={t('annotate.viewer.thumbnails')}
        />
        <Select
          size="large"
          className="an-surface-picker"
          value={surfaceKey}
          onChange={choose}
          aria-label={t('annotate.materials')}
          data-testid="surface-picker"
          options={[
            ...pdfs.map((m) => ({ value: m.id, label: m.title })),
            ...(board.documentId ? [{ value: 'whiteboard', label: t('annotate.whiteboard') }] : []),
          ]}
        />
        {followBar}
        {canPresent && (
          <Button
            size="large"
            type={follow.state.presenting ? 'primary' : 'default'}
            danger={follow.state.presenting}
            icon={<SoundOutlined />}
            data-testid="present"
            onClick={() => follow.dispatch({ type: 'present', on: !follow.state.presenting })}
          >
            {follow.state.presenting ? t('annotate.follow.stopPresenting') : t('annotate.follow.present')}
          </Button>
        )}
        <div className="an-top__end">
          <ExportMenu
            meetingId={meetingId}
            page={exportable}
            hidden={settings.hidden}
            title={material?.title ?? t('annotate.whiteboard')}
          />
        </div>
      </div>
      <InkToolbar
        settings={settings}
        onChange={changeSettings}
        canDraw={ink.canDraw}
        privateLayer={ink.privateLayer}
        presenting={follow.state.presenting}
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        onUndo={() => ink.history?.undo()}
        onRedo={() => ink.history?.redo()}
        authors={authors}
      />
      {board.error !== null && stage.phase !== 'ready' && (
        <Alert type="info" showIcon banner title={t('annotate.follow.unavailable')} />
      )}
      {shown.surface.kind === 'material' && !material && <Result status="info" title={t('annotate.noMaterials')} />}
      {material && (
        <MaterialView
          key={material.id}
          ctx={ctx}
          material={material}
          page={shown.page}
          onPage={onPage}
          showSide={showSide}
          followed={followedView(material.id, String(shown.page))}
          onExportable={setExportable}
        />
      )}
      {shown.surface.kind === 'whiteboard' && board.documentId && stage.phase === 'ready' && (
        <WhiteboardView
          ctx={ctx}
          documentId={board.documentId}
          doc={stage.connection.doc}
          access={stage.access}
          pageId={shown.boardPage}
          onPage={onBoardPage}
          showSide={showSide}
          screenTrack={screenTrack}
          onExportable={setExportable}
          followed={shown.boardPage ? followedView(null, shown.boardPage) : null}
        />
      )}
      {shown.surface.kind === 'whiteboard' && stage.phase === 'loading' && (
        <div className="an-center">
          <Spin />
        </div>
      )}
    </div>
  );
}
