// The user's own microphone, camera and screen tracks. They belong to the page, not to a media session, so a
// reconnect sends the same tracks again without asking for the devices a second time.
import type { MediaSource } from '../../../../../../media/signaling.ts';

// 960×540 is sharp enough for the largest tile and keeps three simulcast layers affordable on tablets.
const CAMERA_CONSTRAINTS = { width: { ideal: 960 }, height: { ideal: 540 }, frameRate: { ideal: 24, max: 30 } };

function live(track: MediaStreamTrack | null): track is MediaStreamTrack {
  return track !== null && track.readyState === 'live';
}

export class LocalTracks {
  private readonly tracks: Record<MediaSource, MediaStreamTrack | null> = { mic: null, camera: null, screen: null };

  constructor(
    private micDeviceId: string | null,
    private cameraDeviceId: string | null,
    initial: { mic?: MediaStreamTrack | null; camera?: MediaStreamTrack | null } = {},
  ) {
    this.tracks.mic = initial.mic ?? null;
    this.tracks.camera = initial.camera ?? null;
  }

  current(source: MediaSource): MediaStreamTrack | null {
    const track = this.tracks[source];
    return live(track) ? track : null;
  }

  async mic(): Promise<MediaStreamTrack> {
    const existing = this.current('mic');
    if (existing) return existing;
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        ...(this.micDeviceId ? { deviceId: { exact: this.micDeviceId } } : {}),
        echoCancellation: true,
        noiseSuppression: true,
        autoGainControl: true,
      },
    });
    return (this.tracks.mic = stream.getAudioTracks()[0]!);
  }

  async camera(): Promise<MediaStreamTrack> {
    const existing = this.current('camera');
    if (existing) return existing;
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { ...CAMERA_CONSTRAINTS, ...(this.cameraDeviceId ? { deviceId: { exact: this.cameraDeviceId } } : {}) },
    });
    return (this.tracks.camera = stream.getVideoTracks()[0]!);
  }

  /** Asks the browser for a screen, window or tab; `onEnded` runs when the user stops sharing from the browser's own bar. */
  async screen(onEnded: () => void): Promise<MediaStreamTrack> {
    const existing = this.current('screen');
    if (existing) return existing;
    const stream = await navigator.mediaDevices.getDisplayMedia({
      video: { frameRate: { ideal: 15, max: 30 } },
      audio: false,
    });
    const track = stream.getVideoTracks()[0]!;
    // Text and slides: keep them sharp rather than smooth.
    track.contentHint = 'detail';
    track.addEventListener('ended', onEnded, { once: true });
    return (this.tracks.screen = track);
  }

  /** Opens another microphone or camera and returns its track (the old one is stopped), or null if that one is off. */
  async switchDevice(kind: 'mic' | 'camera', deviceId: string): Promise<MediaStreamTrack | null> {
    const wasOn = this.current(kind) !== null;
    if (kind === 'mic') this.micDeviceId = deviceId;
    else this.cameraDeviceId = deviceId;
    if (!wasOn) return null;
    this.stop(kind);
    return kind === 'mic' ? this.mic() : this.camera();
  }

  stop(source: MediaSource): void {
    this.tracks[source]?.stop();
    this.tracks[source] = null;
  }

  stopAll(): void {
    for (const source of ['mic', 'camera', 'screen'] as const) this.stop(source);
  }
}
