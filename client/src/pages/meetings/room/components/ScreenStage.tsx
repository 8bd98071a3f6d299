// The shared screen, shown large.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  track: MediaStreamTrack;
  sharerName: string;
  self: boolean;
}

export function ScreenStage({ track, sharerName, self }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (video.current) video.current.srcObject = new MediaStream([track]);
  }, [track]);

  return (
    <div
      className="mr-stage"
      data-testid="screen-stage"
      data-peer-name={sharerName}
      data-self={self ? 'true' : 'false'}
    >
      <video ref={video} autoPlay playsInline muted />
      <span className="mr-stage__label">
        {self ? t('meetingRoom.status.youAreSharing') : t('meetingRoom.status.sharing', { name: sharerName })}
      </span>
    </div>
  );
}
