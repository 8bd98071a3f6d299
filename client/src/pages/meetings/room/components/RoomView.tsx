// The meeting itself: header, the shared screen (large) or the grid, the side panel (a drawer on tablets), controls.
import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Drawer, Tabs, Tag } from 'antd';
import { EditOutlined, LeftOutlined, LockOutlined, RightOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useWideLayout } from '../../../../components/useWideLayout.ts';
import { gridSpec } from '../layout/gridLayout.ts';
import type { MeetingClient, MeetingView } from '../media/MeetingClient.ts';
import { ChatPanel } from './ChatPanel.tsx';
import { ControlBar, type PanelTab } from './ControlBar.tsx';
import { RoomMinutesPanel } from '../../minutes/RoomMinutesPanel.tsx';
import { PlenaryTag } from '../../meetingLabels.tsx';
import { HandsPanel } from './HandsPanel.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { RecordingButton, RecordingIndicator } from './RecordingControl.tsx';
import { RemoteAudio } from './RemoteAudio.tsx';
import { ScreenStage } from './ScreenStage.tsx';
import { VideoGrid } from './VideoGrid.tsx';

// Materials and the whiteboard bring pdf.js: loaded when someone opens them in the room.
const AnnotationWorkspace = lazy(() =>
  import('../../../../annotate/AnnotationWorkspace.tsx').then((m) => ({ default: m.AnnotationWorkspace })),
);

function subscribeResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

export function RoomView({ client, view, onLeave }: { client: MeetingClient; view: MeetingView; onLeave(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const wide = useWideLayout();
  const width = useSyncExternalStore(subscribeResize, () => window.innerWidth);
  const height = useSyncExternalStore(subscribeResize, () => window.innerHeight);
  const [panel, setPanel] = useState<PanelTab | null>(wide ? 'participants' : null);
  const [page, setPage] = useState(0);
  const [pages, setPages] = useState(1);
  const [readChat, setReadChat] = useState(view.chat.length);
  const [annotating, setAnnotating] = useState(false);

  useEffect(
    () =>
      client.onNotice((notice) => {
        if (notice === 'reconnected') message.success(t('meetingRoom.notices.reconnected'));
        else message.info(t(`meetingRoom.notices.${notice}`));
      }),
    [client, message, t],
  );

  useEffect(() => {
    if (panel === 'chat') setReadChat(view.chat.length);
  }, [panel, view.chat.length]);

  const onPages = useCallback((shown: number, total: number) => {
    setPage(shown);
    setPages(total);
  }, []);

  const everyone = view.self ? [view.self, ...view.peers] : view.peers;
  const nameOf = (peerId: string) => everyone.find((p) => p.peerId === peerId)?.displayName ?? '';
  const remoteScreen = view.remote.find((m) => m.source === 'screen' && m.track);
  const stage = remoteScreen?.track
    ? { track: remoteScreen.track, name: nameOf(remoteScreen.peerId), self: false }
    : view.local.screenTrack
      ? { track: view.local.screenTrack, name: view.self?.displayName ?? '', self: true }
      : null;

  const stageScreenPeer = stage && !stage.self && remoteScreen ? remoteScreen.peerId : null;
  useEffect(() => {
    client.setVisibleScreens(stageScreenPeer ? [stageScreenPeer] : []);
  }, [client, stageScreenPeer]);

  // The video gets the width the side panel leaves, and the height the header and the controls leave.
  const videoWidth = wide && panel ? width - 360 : width;
  const spec = gridSpec(videoWidth, stage !== null || annotating);
  const area = { width: videoWidth - 16, height: height - (wide ? 150 : 210) };
  const togglePanel = (tab: PanelTab) => setPanel((open) => (open === tab ? null : tab));
  const tabs = (
    <Tabs
      activeKey={panel ?? 'participants'}
      onChange={(key) => setPanel(key as PanelTab)}
      centered
      items={[
        {
          key: 'participants',
          label: t('meetingRoom.controls.participants'),
          children: <ParticipantsPanel client={client} view={view} />,
        },
        { key: 'chat', label: t('meetingRoom.controls.chat'), children: <ChatPanel client={client} view={view} /> },
        { key: 'hands', label: t('meetingRoom.controls.hands'), children: <HandsPanel client={client} view={view} /> },
        ...(view.meeting
          ? [
              {
                key: 'minutes',
                label: t('minutes.bar.title'),
                children: <RoomMinutesPanel meetingId={view.meeting.id} />,
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <div className="mr-root" data-testid="meeting-room">
      <header className="mr-header">
        <span className="mr-header__title">{view.meeting?.title}</span>
        <PlenaryTag plenary={view.room.plenary} />
        <RecordingIndicator view={view} />
        <RecordingButton view={view} />
        {view.room.locked && (
          <Tag icon={<LockOutlined />} color="orange">
            {t('meetingRoom.status.locked')}
          </Tag>
        )}
        {view.reconnecting && (
          <Alert
            type="warning"
            showIcon
            banner
            title={t('meetingRoom.status.reconnecting')}
            data-testid="reconnecting"
          />
        )}
        {view.meeting && (
          <Button
            className="mr-header__annotate"
            type={annotating ? 'primary' : 'default'}
            icon={annotating ? <VideoCameraOutlined /> : <EditOutlined />}
            onClick={() => setAnnotating((on) => !on)}
            data-testid="toggle-annotate"
          >
            {annotating ? t('annotate.backToVideo') : t('annotate.openWorkspace')}
          </Button>
        )}
        {pages > 1 && (
          <span className="mr-pager">
            <Button
              shape="circle"
              icon={<LeftOutlined />}
              disabled={page === 0}
              onClick={() => setPage(page - 1)}
              aria-label={t('meetingRoom.controls.previousPage')}
            />
            <span>{t('meetingRoom.status.page', { page: page + 1, pages })}</span>
            <Button
              shape="circle"
              icon={<RightOutlined />}
              disabled={page >= pages - 1}
              onClick={() => setPage(page + 1)}
              aria-label={t('meetingRoom.controls.nextPage')}
            />
          </span>
        )}
      </header>
      <div className="mr-body">
        <main className={`mr-main${spec.strip ? ` mr-main--${spec.strip}` : ''}`}>
          {annotating && view.meeting ? (
            <div className="mr-stage">
              <Suspense fallback={null}>
                <AnnotationWorkspace embedded meetingId={view.meeting.id} screenTrack={stage?.track ?? null} />
              </Suspense>
            </div>
          ) : (
            stage && <ScreenStage track={stage.track} sharerName={stage.name} self={stage.self} />
          )}
          <VideoGrid client={client} view={view} spec={spec} area={area} page={page} onPages={onPages} />
        </main>
        {wide && panel && <aside className="mr-panel">{tabs}</aside>}
      </div>
      <ControlBar
        client={client}
        view={view}
        panel={panel}
        unreadChat={panel === 'chat' ? 0 : Math.max(0, view.chat.length - readChat)}
        onPanel={togglePanel}
        onLeave={onLeave}
      />
      {!wide && (
        <Drawer
          open={panel !== null}
          onClose={() => setPanel(null)}
          placement="right"
          size={Math.min(420, width)}
          styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
        >
          <div className="mr-panel" style={{ width: '100%', flex: 1 }}>
            {tabs}
          </div>
        </Drawer>
      )}
      <RemoteAudio remote={view.remote} nameOf={nameOf} />
    </div>
  );
}
