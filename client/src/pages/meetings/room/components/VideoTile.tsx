// One person's tile: their camera (or their initial), name, host and guest tags, muted microphone and raised hand;
// a green border while they speak.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar, Tag } from 'antd';
import { AudioMutedOutlined } from '@ant-design/icons';
import type { PeerView } from '../../../../../../media/signaling.ts';
import { markRemoteFrame } from '../media/joinTiming.ts';

interface Props {
  peer: PeerView;
  track: MediaStreamTrack | null;
  self: boolean;
  speaking: boolean;
  micMuted: boolean;
  handRaised: boolean;
}

export function VideoTile({ peer, track, self, speaking, micMuted, handRaised }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = track ? new MediaStream([track]) : null;
    if (!track || self || !('requestVideoFrameCallback' in element)) return;
    // The first decoded frame of someone else's camera after joining ends the join-time measurement.
    const handle = element.requestVideoFrameCallback(() => markRemoteFrame());
    return () => element.cancelVideoFrameCallback(handle);
  }, [track, self]);

  return (
    <div
      className={`mr-tile${speaking ? ' mr-tile--speaking' : ''}`}
      data-testid="video-tile"
      data-peer-name={peer.displayName}
      data-self={self ? 'true' : 'false'}
      data-speaking={speaking ? 'true' : 'false'}
    >
      <video
        ref={video}
        autoPlay
        playsInline
        muted
        style={{ display: track ? 'block' : 'none', transform: self ? 'scaleX(-1)' : undefined }}
      />
      {!track && (
        <div className="mr-tile__avatar">
          <Avatar size={64} style={{ background: '#3b5bdb', fontSize: 28 }}>
            {peer.displayName.slice(-2)}
          </Avatar>
        </div>
      )}
      <div className="mr-tile__label">
        {micMuted && <AudioMutedOutlined aria-label={t('meetingRoom.status.muted')} style={{ color: '#ff7875' }} />}
        <span className="mr-tile__name">
          {peer.displayName}
          {self ? t('meetingRoom.status.you') : ''}
        </span>
        {peer.isHost && (
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {t('meetingRoom.status.host')}
          </Tag>
        )}
        {peer.guest && <Tag style={{ marginInlineEnd: 0 }}>{t('meetingRoom.status.guest')}</Tag>}
        {handRaised && (
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {t('meetingRoom.status.handRaised')}
          </Tag>
        )}
      </div>
    </div>
  );
}
