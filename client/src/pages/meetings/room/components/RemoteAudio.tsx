// Plays everyone else's microphone. Audio is always received (it is cheap and people must be heard whatever page of
// the grid is shown); muted producers simply send nothing.
import { useEffect, useRef } from 'react';
import type { RemoteMedia } from '../media/MeetingClient.ts';

function AudioTrack({ media, name }: { media: RemoteMedia; name: string }) {
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (audio.current) audio.current.srcObject = media.track ? new MediaStream([media.track]) : null;
  }, [media.track]);
  return (
    <audio
      ref={audio}
      autoPlay
      data-testid="remote-audio"
      data-peer-name={name}
      data-track-id={media.track?.id ?? ''}
    />
  );
}

export function RemoteAudio({ remote, nameOf }: { remote: RemoteMedia[]; nameOf: (peerId: string) => string }) {
  return (
    <div style={{ display: 'none' }}>
      {remote
        .filter((m) => m.kind === 'audio' && m.track)
        .map((m) => (
          <AudioTrack key={m.producerId} media={m} name={nameOf(m.peerId)} />
        ))}
    </div>
  );
}
