// The meeting's controls: microphone, camera, screen share, hand, the panels, devices, leave.
import { useTranslation } from 'react-i18next';
import { Badge, Button, Popconfirm, Tag, Tooltip } from 'antd';
import {
  AudioMutedOutlined,
  AudioOutlined,
  DesktopOutlined,
  LogoutOutlined,
  MessageOutlined,
  StopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  VideoCameraAddOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { MeetingClient, MeetingView } from '../media/MeetingClient.ts';
import { DeviceMenu } from './DeviceMenu.tsx';

export type PanelTab = 'participants' | 'chat' | 'hands' | 'minutes';

interface Props {
  client: MeetingClient;
  view: MeetingView;
  panel: PanelTab | null;
  unreadChat: number;
  onPanel(tab: PanelTab): void;
  onLeave(): void;
}

const canShareScreen =
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';

export function ControlBar({ client, view, panel, unreadChat, onPanel, onLeave }: Props) {
  const { t } = useTranslation();
  const { local, self } = view;
  const handUp = view.hands.some((h) => h.peerId === self?.peerId);
  const isHost = self?.isHost ?? false;
  // A plenary viewer sends nothing until the host gives them the floor (发言权): they watch, and may raise a hand.
  const sends = isHost || (self?.speaker ?? true);
  return (
    <div className="mr-controls" role="toolbar" aria-label={t('meetingRoom.title')}>
      {!sends && (
        <Tag color="blue" data-testid="viewer-badge">
          {t('meetingRoom.status.viewer')}
        </Tag>
      )}
      {sends && (
        <Tooltip title={local.mic ? t('meetingRoom.controls.mute') : t('meetingRoom.controls.unmute')}>
          <Button
            size="large"
            shape="round"
            danger={!local.mic}
            icon={local.mic ? <AudioOutlined /> : <AudioMutedOutlined />}
            onClick={() => void client.setMic(!local.mic)}
            data-testid="toggle-mic"
          >
            {local.mic ? t('meetingRoom.controls.mute') : t('meetingRoom.controls.unmute')}
          </Button>
        </Tooltip>
      )}
      {sends && (
        <Button
          size="large"
          shape="round"
          danger={!local.camera}
          icon={local.camera ? <VideoCameraOutlined /> : <VideoCameraAddOutlined />}
          onClick={() => void client.setCamera(!local.camera)}
          data-testid="toggle-camera"
        >
          {local.camera ? t('meetingRoom.controls.cameraOff') : t('meetingRoom.controls.cameraOn')}
        </Button>
      )}
      {sends && canShareScreen && (
        <Button
          size="large"
          shape="round"
          type={local.screen ? 'primary' : 'default'}
          icon={local.screen ? <StopOutlined /> : <DesktopOutlined />}
          onClick={() => void client.setScreenShare(!local.screen)}
          data-testid="toggle-screen"
        >
          {local.screen ? t('meetingRoom.controls.stopShare') : t('meetingRoom.controls.share')}
        </Button>
      )}
      {/* The one hand button: 举手 / 放下. The panel of everyone's raised hands has its own name (举手列表). */}
      <Button
        size="large"
        shape="round"
        type={handUp ? 'primary' : 'default'}
        onClick={() => void (handUp ? client.lowerHand() : client.raiseHand())}
        data-testid="toggle-hand"
      >
        {handUp ? t('meetingRoom.controls.lowerHand') : t('meetingRoom.controls.raiseHand')}
      </Button>
      <Badge count={isHost ? view.lobby.length : 0} size="small">
        <Button
          size="large"
          shape="round"
          type={panel === 'participants' ? 'primary' : 'default'}
          icon={<TeamOutlined />}
          onClick={() => onPanel('participants')}
          data-testid="open-participants"
        >
          {t('meetingRoom.controls.participants')}
        </Button>
      </Badge>
      <Badge count={unreadChat} size="small">
        <Button
          size="large"
          shape="round"
          type={panel === 'chat' ? 'primary' : 'default'}
          icon={<MessageOutlined />}
          onClick={() => onPanel('chat')}
          data-testid="open-chat"
        >
          {t('meetingRoom.controls.chat')}
        </Button>
      </Badge>
      <Badge count={view.hands.length} size="small">
        <Button
          size="large"
          shape="round"
          type={panel === 'hands' ? 'primary' : 'default'}
          icon={<UnorderedListOutlined />}
          onClick={() => onPanel('hands')}
          data-testid="open-hands"
        >
          {t('meetingRoom.controls.hands')}
        </Button>
      </Badge>
      <DeviceMenu client={client} />
      <Popconfirm
        title={t('meetingRoom.controls.confirmLeave')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={onLeave}
      >
        <Button size="large" shape="round" danger type="primary" icon={<LogoutOutlined />} data-testid="leave">
          {t('meetingRoom.controls.leave')}
        </Button>
      </Popconfirm>
    </div>
  );
}
