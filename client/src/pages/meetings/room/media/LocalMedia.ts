// The user's own media in the meeting: microphone, camera and screen share switched on and off, what the host's
// decisions do to them, and sending them again on a new media session after a reconnect.
import { MeetingRequestError } from '../../../../realtime/meetingConnection.ts';
import type { MediaSource } from '../../../../../../media/signaling.ts';
import type { LocalTracks } from './localTracks.ts';
import type { MediaSession, Requester } from './MediaSession.ts';

export interface LocalState {
  mic: boolean;
  camera: boolean;
  screen: boolean;
  cameraTrack: MediaStreamTrack | null;
  screenTrack: MediaStreamTrack | null;
}

export type LocalNotice =
  'mutedByHost' | 'cameraStoppedByHost' | 'screenStoppedByHost' | 'mediaBlocked' | 'notSpeaker' | 'deviceFailed';

/** What LocalMedia needs from the meeting client. */
export interface LocalMediaHost {
  request: Requester;
  session(): MediaSession | null;
  /** The host has blocked this source for us. */
  blocked(source: MediaSource): boolean;
  notice(notice: LocalNotice): void;
  state(): LocalState;
  setState(patch: Partial<LocalState>): void;
}

const OFF: Record<MediaSource, Partial<LocalState>> = {
  mic: { mic: false },
  camera: { camera: false, cameraTrack: null },
  screen: { screen: false, screenTrack: null },
};

export class LocalMedia {
  constructor(
    readonly tracks: LocalTracks,
    private readonly host: LocalMediaHost,
  ) {}

  async setMic(on: boolean): Promise<void> {
    const producer = this.host.session()?.producer('mic');
    try {
      if (!on) {
        this.host.setState({ mic: false });
        if (producer && !producer.paused) {
          producer.pause();
          await this.host.request('pauseProducer', { producerId: producer.id });
        }
        return;
      }
      if (this.host.blocked('mic')) return this.host.notice('mediaBlocked');
      if (producer) {
        // The server refuses while the host keeps us muted; only then does the local producer resume.
        await this.host.request('resumeProducer', { producerId: producer.id });
        producer.resume();
      } else {
        const track = await this.tracks.mic();
        await this.host.session()?.produce('mic', track);
      }
      this.host.setState({ mic: true });
    } catch (err) {
      this.failed(err);
    }
  }

  async setCamera(on: boolean): Promise<void> {
    await this.setVideo('camera', on, () => this.tracks.camera());
  }

  async setScreenShare(on: boolean): Promise<void> {
    await this.setVideo('screen', on, () => this.tracks.screen(() => void this.setScreenShare(false)));
  }

  async switchDevice(kind: 'mic' | 'camera', deviceId: string): Promise<void> {
    const track = await this.tracks.switchDevice(kind, deviceId);
    const producer = this.host.session()?.producer(kind);
    if (track && producer) await producer.replaceTrack({ track });
    if (kind === 'camera') this.host.setState({ cameraTrack: track });
  }

  /** Sends what is switched on over a new media session; `current` says whether that session is still the live one. */
  async produceWanted(session: MediaSession, current: () => boolean): Promise<void> {
    const state = this.host.state();
    const wanted = (['mic', 'camera', 'screen'] as const).filter((source) => state[source]);
    await Promise.all(
      wanted.map(async (source) => {
        if (this.host.blocked(source)) {
          this.host.setState(OFF[source]);
          return;
        }
        try {
          const track =
            source === 'mic'
              ? await this.tracks.mic()
              : source === 'camera'
                ? await this.tracks.camera()
                : this.tracks.current('screen');
          if (!track || !current()) return;
          if (source === 'camera') this.host.setState({ cameraTrack: track });
          await session.produce(source, track);
        } catch (err) {
          if (current()) this.failed(err);
        }
      }),
    );
  }

  /** The host muted us: the server already stopped forwarding; stop sending too. */
  mutedByHost(): void {
    this.host.session()?.producer('mic')?.pause();
    this.host.setState({ mic: false });
    this.host.notice('mutedByHost');
  }

  /** The server closed one of our producers; when the host did it, the camera or screen is turned off here too. */
  producerClosed(producerId: string, byHost: boolean): void {
    const source = this.host.session()?.dropProducer(producerId) ?? null;
    if (!byHost || !source || source === 'mic') return;
    this.tracks.stop(source);
    this.host.setState(OFF[source]);
    this.host.notice(source === 'camera' ? 'cameraStoppedByHost' : 'screenStoppedByHost');
  }

  private async setVideo(
    source: 'camera' | 'screen',
    on: boolean,
    open: () => Promise<MediaStreamTrack>,
  ): Promise<void> {
    try {
      if (!on) {
        this.host.setState(OFF[source]);
        await this.host.session()?.closeProducer(source);
        this.tracks.stop(source);
        return;
      }
      if (this.host.blocked(source)) return this.host.notice('mediaBlocked');
      const track = await open();
      this.host.setState(
        source === 'camera' ? { camera: true, cameraTrack: track } : { screen: true, screenTrack: track },
      );
      await this.host.session()?.produce(source, track);
    } catch (err) {
      this.failed(err);
    }
  }

  private failed(err: unknown): void {
    if (err instanceof MeetingRequestError && err.code === 'media_blocked') this.host.notice('mediaBlocked');
    else if (err instanceof MeetingRequestError && err.code === 'not_a_speaker') this.host.notice('notSpeaker');
    else {
      console.warn('local media failed', err);
      this.host.notice('deviceFailed');
    }
  }
}
