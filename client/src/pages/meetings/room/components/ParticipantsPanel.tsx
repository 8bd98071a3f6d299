// Who is here (with the host's controls for each person), who waits in the lobby, and the participant list with
// sign-in state. The server checks every host action again; the buttons only appear for the host.
import { useTranslation } from 'react-i18next';
import { App, Button, Divider, Dropdown, Flex, List, Switch, Tag, Typography } from 'antd';
import { AudioMutedOutlined, MoreOutlined, VideoCameraOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { MediaSource, PeerView } from '../../../../../../media/signaling.ts';
import type { MeetingClient, MeetingView } from '../media/MeetingClient.ts';
import { meetingErrorText } from '../meetingErrors.ts';
import { MeetingRequestError } from '../../../../realtime/meetingConnection.ts';

export function ParticipantsPanel({ client, view }: { client: MeetingClient; view: MeetingView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isHost = view.self?.isHost ?? false;
  const everyone: PeerView[] = view.self ? [view.self, ...view.peers] : view.peers;
  const present = new Set(everyone.map((p) => p.userId));
  const allMuted = view.room.blockedForAll.includes('mic');

  const act = (run: () => Promise<unknown>) => {
    run().catch((err: unknown) =>
      message.error(
        t('meetingRoom.participants.actionFailed', {
          message: err instanceof MeetingRequestError ? meetingErrorText(t, err.code) : String(err),
        }),
      ),
    );
  };

  const hasMedia = (peer: PeerView, source: MediaSource) =>
    peer.peerId === view.self?.peerId
      ? false
      : view.remote.some((m) => m.peerId === peer.peerId && m.source === source);
  const micOn = (peer: PeerView) =>
    peer.peerId === view.self?.peerId
      ? view.local.mic
      : view.remote.some((m) => m.peerId === peer.peerId && m.source === 'mic' && !m.producerPaused);

  const menu = (peer: PeerView): MenuProps => {
    const blocked = (s: MediaSource) => peer.blocked.includes(s);
    const items: MenuProps['items'] = [
      {
        key: 'mic',
        label: blocked('mic') ? t('meetingRoom.participants.allowSpeak') : t('meetingRoom.participants.mute'),
      },
      {
        key: 'camera',
        label: blocked('camera') ? t('meetingRoom.participants.allowCamera') : t('meetingRoom.participants.stopCamera'),
      },
      {
        key: 'screen',
        label: blocked('screen') ? t('meetingRoom.participants.allowScreen') : t('meetingRoom.participants.stopScreen'),
        disabled: !blocked('screen') && !hasMedia(peer, 'screen'),
      },
      { type: 'divider' },
      ...(view.room.plenary
        ? [
            {
              key: 'speaker',
              label: peer.speaker
                ? t('meetingRoom.participants.revokeFloor')
                : t('meetingRoom.participants.grantFloor'),
            },
          ]
        : []),
      ...(peer.guest ? [] : [{ key: 'host', label: t('meetingRoom.participants.makeHost') }]),
      { key: 'remove', label: t('meetingRoom.participants.remove'), danger: true },
    ];
    return {
      items,
      onClick: ({ key }) => {
        if (key === 'mic' || key === 'camera' || key === 'screen')
          act(() => client.moderate(peer.peerId, key, blocked(key) ? 'allow' : 'block'));
        else if (key === 'speaker') act(() => client.setSpeaker(peer.peerId, !peer.speaker));
        else if (key === 'host')
          modal.confirm({
            title: t('meetingRoom.participants.confirmHandOver', { name: peer.displayName }),
            onOk: () => act(() => client.handOverHost(peer.peerId)),
          });
        else if (key === 'remove')
          modal.confirm({
            title: t('meetingRoom.participants.confirmRemove', { name: peer.displayName }),
            okButtonProps: { danger: true },
            onOk: () => act(() => client.removePeer(peer.peerId)),
          });
      },
    };
  };

  return (
    <div className="mr-panel__scroll" data-testid="participants-panel">
      {isHost && (
        <Flex wrap gap={8} align="center" style={{ padding: '8px 0' }}>
          <Button
            onClick={() => act(() => client.moderate('all', 'mic', allMuted ? 'allow' : 'block'))}
            data-testid="mute-all"
          >
            {allMuted ? t('meetingRoom.participants.unmuteAll') : t('meetingRoom.participants.muteAll')}
          </Button>
          <Flex align="center" gap={6}>
            <Switch
              checked={view.room.locked}
              onChange={(locked) => act(() => client.setLocked(locked))}
              aria-label={t('meetingRoom.participants.lock')}
            />
            <span>{view.room.locked ? t('meetingRoom.participants.unlock') : t('meetingRoom.participants.lock')}</span>
          </Flex>
        </Flex>
      )}
      {isHost && view.lobby.length > 0 && (
        <>
          <Divider plain titlePlacement="start">
            {t('meetingRoom.participants.lobby', { count: view.lobby.length })}
          </Divider>
          <List
            dataSource={view.lobby}
            renderItem={(entry) => (
              <List.Item
                data-testid="lobby-entry"
                data-name={entry.displayName}
                actions={[
                  <Button
                    key="admit"
                    type="primary"
                    size="small"
                    onClick={() => act(() => client.admit(entry.lobbyId))}
                  >
                    {t('meetingRoom.participants.admit')}
                  </Button>,
                  <Button key="reject" size="small" onClick={() => act(() => client.reject(entry.lobbyId))}>
                    {t('meetingRoom.participants.reject')}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={entry.displayName} description={entry.unitName} />
              </List.Item>
            )}
          />
        </>
      )}
      <Divider plain titlePlacement="start">
        {t('meetingRoom.participants.inMeeting', { count: everyone.length })}
      </Divider>
      <List
        dataSource={everyone}
        renderItem={(peer) => {
          const self = peer.peerId === view.self?.peerId;
          return (
            <List.Item
              data-testid="participant"
              data-name={peer.displayName}
              actions={
                isHost && !self
                  ? [
                      <Dropdown key="manage" menu={menu(peer)} trigger={['click']}>
                        <Button
                          size="small"
                          icon={<MoreOutlined />}
                          aria-label={t('meetingRoom.participants.manage')}
                          data-testid="manage-participant"
                        />
                      </Dropdown>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Flex gap={6} align="center" wrap>
                    <span>
                      {peer.displayName}
                      {self ? t('meetingRoom.status.you') : ''}
                    </span>
                    {peer.isHost && <Tag color="gold">{t('meetingRoom.status.host')}</Tag>}
                    {peer.guest && <Tag>{t('meetingRoom.status.guest')}</Tag>}
                    {view.room.plenary && !peer.isHost && peer.speaker && (
                      <Tag color="green" data-testid="speaker-tag">
                        {t('meetingRoom.status.speaker')}
                      </Tag>
                    )}
                    {peer.device === 'tablet' && <Tag>{t('meetingRoom.status.tablet')}</Tag>}
                  </Flex>
                }
                description={peer.unitName}
              />
              <Flex gap={6}>
                {!micOn(peer) && (
                  <AudioMutedOutlined aria-label={t('meetingRoom.status.muted')} style={{ color: '#cf1322' }} />
                )}
                {(self ? view.local.camera : hasMedia(peer, 'camera')) && <VideoCameraOutlined />}
              </Flex>
            </List.Item>
          );
        }}
      />
      {view.roster.length > 0 && (
        <>
          <Divider plain titlePlacement="start">
            {t('meetingRoom.participants.roster', { count: view.roster.length })}
          </Divider>
          <List
            size="small"
            dataSource={view.roster}
            renderItem={(r) => (
              <List.Item data-testid="roster-entry" data-name={r.displayName}>
                <Flex vertical>
                  <Typography.Text>{r.displayName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.unitName}
                  </Typography.Text>
                </Flex>
                <Flex gap={4}>
                  <Tag color={present.has(r.userId) ? 'green' : 'default'}>
                    {present.has(r.userId) ? t('meetingRoom.status.present') : t('meetingRoom.status.absent')}
                  </Tag>
                  <Tag color={r.signedIn ? 'blue' : 'default'}>
                    {r.signedIn ? t('meetingRoom.status.signedIn') : t('meetingRoom.status.notSignedIn')}
                  </Tag>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
