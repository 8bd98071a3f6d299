// The browser's side of an online meeting: membership over the meeting's own socket.io connection (join, lobby,
// rejoin), the media session, the local tracks, what others send, chat, hands and host controls. React reads it
// through subscribe()/getSnapshot().
import { ApiError } from '../../../../api/http.ts';
import { MeetingConnection, MeetingRequestError } from '../../../../realtime/meetingConnection.ts';
import type {
  ChatMessageView,
  HandView,
  JoinResult,
  LobbyEntryView,
  MediaSource,
  MeetingMethod,
  MeetingNotification,
  MeetingResponses,
  PeerView,
  RecordingStateView,
  RequestData,
  RoomStateView,
  RosterEntry,
} from '../../../../../../media/signaling.ts';
import { fetchJoinLink } from '../joinLink.ts';
import { markJoinRequested } from './joinTiming.ts';
import { MediaSession } from './MediaSession.ts';
import type { LocalTracks } from './localTracks.ts';
import { LocalMedia, type LocalNotice, type LocalState } from './LocalMedia.ts';
import { RemoteMediaSet, type RemoteMedia } from './RemoteMediaSet.ts';

export type { RemoteMedia };

export type Phase = 'joining' | 'lobby' | 'joined' | 'left' | 'removed' | 'rejected' | 'ended' | 'failed';

export interface MeetingView {
  phase: Phase;
  /** A refusal or failure code (wrong_passcode, meeting_forbidden …) for the page to explain. */
  error: string | null;
  /** The connection dropped and the client is getting back in. */
  reconnecting: boolean;
  meeting: { id: string; title: string } | null;
  self: PeerView | null;
  peers: PeerView[];
  room: RoomStateView;
  chat: ChatMessageView[];
  hands: HandView[];
  lobby: LobbyEntryView[];
  roster: RosterEntry[];
  activeSpeaker: string | null;
  /** The meeting is being recorded (the red 录制中), since when. */
  recording: RecordingStateView | null;
  remote: RemoteMedia[];
  local: LocalState;
}

/** Things that happened to the user, shown once as a message. */
export type MeetingNotice = LocalNotice | 'allowedToSpeak' | 'speakerGranted' | 'speakerRevoked' | 'reconnected';

export interface JoinTarget {
  meetingId?: string;
  joinCode?: string;
  device: 'desktop' | 'tablet' | 'phone';
}

/** Full rejoins back off up to this long between attempts while the server cannot be reached. */
const REJOIN_DELAYS_MS = [0, 1_000, 2_000, 5_000];

const initialView: MeetingView = {
  phase: 'joining',
  error: null,
  reconnecting: false,
  meeting: null,
  self: null,
  peers: [],
  room: { locked: false, hostUserId: null, blockedForAll: [], plenary: false, capacity: null },
  chat: [],
  hands: [],
  lobby: [],
  roster: [],
  activeSpeaker: null,
  recording: null,
  remote: [],
  local: { mic: false, camera: false, screen: false, cameraTrack: null, screenTrack: null },
};

export class MeetingClient {
  private view: MeetingView = initialView;
  /** What the page shows, for the server's last-N in a plenary. */
  private display: { tiles: string[]; layer: number; screens: string[] } = { tiles: [], layer: 2, screens: [] };
  private lastDisplay: string | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly noticeListeners = new Set<(notice: MeetingNotice) => void>();
  private readonly remote: RemoteMediaSet;
  private session: MediaSession | null = null;
  /** Bumped whenever media is set up afresh; work started for an older generation is dropped. */
  private generation = 0;
  private passcode: string | undefined;
  private routerRtpCapabilities: unknown = null;
  private rejoinAttempt = 0;
  private disposed = false;
  /**
   * The meeting's signalling connection, opened on the first join: by meeting id, so that behind a load balancer it
   * reaches the instance holding the meeting's media, and after that instance dies the one that takes the meeting over.
   */
  private connecting: Promise<MeetingConnection> | null = null;
  private connection: MeetingConnection | null = null;
  private readonly localMedia: LocalMedia;

  constructor(
    private readonly target: JoinTarget,
    tracks: LocalTracks,
    initial: { mic: boolean; camera: boolean },
  ) {
    this.localMedia = new LocalMedia(tracks, {
      request: this.request,
      session: () => this.session,
      blocked: (source) => this.blocked(source),
      notice: (notice) => this.notice(notice),
      state: () => this.view.local,
      setState: (patch) => this.update({ local: { ...this.view.local, ...patch } }),
    });
    this.remote = new RemoteMediaSet(this.request, () => this.update({ remote: this.remote.list() }));
    this.view = {
      ...initialView,
      local: {
        ...initialView.local,
        mic: initial.mic,
        camera: initial.camera,
        cameraTrack: initial.camera ? tracks.current('camera') : null,
      },
    };
  }

  // ── React binding ────────────────────────────────────────────────────────────────────────────────────────

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): MeetingView => this.view;

  onNotice(listener: (notice: MeetingNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  // ── membership ───────────────────────────────────────────────────────────────────────────────────────────

  async join(passcode?: string): Promise<void> {
    if (passcode !== undefined) this.passcode = passcode;
    // A rejoin keeps the room on screen (with the reconnecting banner); a first join shows the joining state.
    if (this.view.phase !== 'joined') this.update({ phase: 'joining', error: null });
    markJoinRequested();
    let result: JoinResult;
    try {
      await this.connect();
      result = await this.request('join', {
        ...(this.target.meetingId ? { meetingId: this.target.meetingId } : { joinCode: this.target.joinCode }),
        ...(this.passcode ? { passcode: this.passcode } : {}),
        device: this.target.device,
      });
    } catch (err) {
      const code = codeOf(err);
      // While reconnecting, an unreachable server is retried (rejoin); a refusal ends it like a failed first join.
      if (!(this.view.reconnecting && (code === 'disconnected' || code === 'timeout')))
        this.update({ phase: 'failed', error: code, reconnecting: false });
      throw err;
    }
    this.rejoinAttempt = 0;
    if (result.status === 'lobby') {
      this.update({ phase: 'lobby', meeting: result.meeting, reconnecting: false });
      return;
    }
    this.remote.clear();
    // In a plenary the server decides what is forwarded and at which layer, from what this page reports it shows.
    this.remote.setServerDecides(result.room.plenary);
    this.routerRtpCapabilities = result.routerRtpCapabilities;
    for (const peer of result.peers) for (const p of peer.producers) this.remote.remember(peer.peerId, p);
    this.update({
      phase: 'joined',
      meeting: result.meeting,
      self: result.self,
      peers: result.peers,
      room: result.room,
      chat: result.chat,
      hands: result.hands,
      lobby: result.lobby,
      roster: result.roster,
      activeSpeaker: result.activeSpeakerPeerId,
      recording: result.recording,
      reconnecting: false,
    });
    // A new membership on the server: it knows nothing of what this page shows yet.
    this.lastDisplay = null;
    this.reportDisplay();
    // Media comes up in the background: the person is in the meeting (chat, hands) even while devices negotiate, and
    // a failure here is repaired by a rejoin rather than reported as a failed join.
    void this.setUpMedia(result.routerRtpCapabilities).catch((err: unknown) => console.warn('media setup failed', err));
  }

  async leave(): Promise<void> {
    this.teardownMedia();
    this.update({ phase: 'left' });
    const connection = this.connection;
    try {
      if (connection?.connected) await this.request('leave', {});
    } finally {
      this.closeConnection();
    }
  }

  /** Stops listening, closes media and the meeting's connection, and releases the camera and microphone. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.teardownMedia();
    this.localMedia.tracks.stopAll();
    // The page is going away: closing the meeting's connection is the leave (the server lets its membership go).
    this.closeConnection();
  }

  // ── local media ──────────────────────────────────────────────────────────────────────────────────────────

  setMic(on: boolean): Promise<void> {
    return this.localMedia.setMic(on);
  }

  setCamera(on: boolean): Promise<void> {
    return this.localMedia.setCamera(on);
  }

  setScreenShare(on: boolean): Promise<void> {
    return this.localMedia.setScreenShare(on);
  }

  switchDevice(kind: 'mic' | 'camera', deviceId: string): Promise<void> {
    return this.localMedia.switchDevice(kind, deviceId);
  }

  /** The peers whose tiles are on screen: only their cameras are forwarded; the layer suits the tile size. */
  setVisiblePeers(peerIds: string[], spatialLayer: number): void {
    this.remote.setVisible(peerIds, spatialLayer);
    this.display = { ...this.display, tiles: peerIds, layer: spatialLayer };
    this.reportDisplay();
  }

  /** The screen shares on view (the stage), for the server's last-N. */
  setVisibleScreens(peerIds: string[]): void {
    this.display = { ...this.display, screens: peerIds };
    this.reportDisplay();
  }

  /** Gives someone the floor (发言权) in a plenary, or takes it back (host). */
  setSpeaker(peerId: string, speaker: boolean): Promise<unknown> {
    return this.request('setSpeaker', { peerId, speaker });
  }

  // ── chat, hands, host controls ───────────────────────────────────────────────────────────────────────────

  sendChat(text: string, to: 'all' | 'host'): Promise<MeetingResponses['sendChat']> {
    return this.request('sendChat', { text, to });
  }

  raiseHand(): Promise<unknown> {
    return this.request('raiseHand', {});
  }

  lowerHand(peerId?: string | 'all'): Promise<unknown> {
    return this.request('lowerHand', peerId ? { peerId } : {});
  }

  moderate(peerId: string | 'all', source: MediaSource, action: 'block' | 'allow'): Promise<unknown> {
    return this.request('moderateMedia', { peerId, source, action });
  }

  removePeer(peerId: string): Promise<unknown> {
    return this.request('removePeer', { peerId });
  }

  setLocked(locked: boolean): Promise<unknown> {
    return this.request('setLocked', { locked });
  }

  admit(lobbyId: string): Promise<unknown> {
    return this.request('admit', { lobbyId });
  }

  reject(lobbyId: string): Promise<unknown> {
    return this.request('reject', { lobbyId });
  }

  handOverHost(peerId: string): Promise<unknown> {
    return this.request('handOverHost', { peerId });
  }

  /** WebRTC statistics of the current media session (the diagnostics panel and tests read them). */
  async stats(): Promise<RTCStatsReport[]> {
    return this.session ? this.session.stats() : [];
  }

  // ── media session ────────────────────────────────────────────────────────────────────────────────────────

  private async setUpMedia(routerRtpCapabilities: unknown): Promise<void> {
    this.teardownMedia();
    const generation = this.generation;
    let opened: Awaited<ReturnType<typeof MediaSession.open>>;
    try {
      opened = await MediaSession.open(this.request, routerRtpCapabilities, {
        onUnrecoverable: () => {
          if (generation === this.generation) void this.rejoin();
        },
        onConnectionState: (_direction, state) => {
          if (generation !== this.generation) return;
          if (state === 'connected' && this.view.reconnecting) {
            this.update({ reconnecting: false });
            this.notice('reconnected');
          } else if (state === 'disconnected' || state === 'failed') this.update({ reconnecting: true });
        },
      });
    } catch (err) {
      if (generation === this.generation) void this.rejoin();
      throw err;
    }
    if (generation !== this.generation) {
      opened.session.close();
      return;
    }
    this.session = opened.session;
    for (const p of opened.producers) this.remote.remember(p.peerId, p);
    const current = () => generation === this.generation;
    await Promise.all([
      this.localMedia.produceWanted(opened.session, current),
      this.remote.consumeAll(opened.session, current),
    ]);
  }

  private teardownMedia(): void {
    this.generation++;
    this.session?.close();
    this.session = null;
    this.remote.detach();
  }

  // ── notifications and reconnection ───────────────────────────────────────────────────────────────────────

  private onNotification(n: MeetingNotification): void {
    if (this.disposed) return;
    const selfId = this.view.self?.peerId;
    switch (n.method) {
      case 'peerJoined':
        this.update({ peers: [...this.view.peers.filter((p) => p.peerId !== n.data.peer.peerId), n.data.peer] });
        break;
      case 'peerUpdated':
        if (n.data.peer.peerId === selfId) this.onSelfUpdated(n.data.peer);
        else this.update({ peers: this.view.peers.map((p) => (p.peerId === n.data.peer.peerId ? n.data.peer : p)) });
        break;
      case 'peerLeft':
        this.update({ peers: this.view.peers.filter((p) => p.peerId !== n.data.peerId) });
        this.remote.forgetWhere((entry) => entry.peerId === n.data.peerId, this.session);
        break;
      case 'producerAdded': {
        const entry = this.remote.remember(n.data.peerId, n.data.producer);
        const session = this.session;
        const generation = this.generation;
        if (session) void this.remote.consume(entry, session, () => generation === this.generation);
        break;
      }
      case 'producerClosed':
        if (n.data.peerId === selfId) this.localMedia.producerClosed(n.data.producerId, n.data.byHost);
        else this.remote.forget(n.data.producerId, this.session);
        break;
      case 'producerPaused': {
        if (n.data.peerId === selfId) {
          if (n.data.paused && n.data.byHost) this.localMedia.mutedByHost();
          break;
        }
        this.remote.setProducerPaused(n.data.producerId, n.data.paused);
        break;
      }
      case 'consumerClosed':
        this.remote.forgetWhere((entry) => entry.consumerId === n.data.consumerId, this.session);
        break;
      case 'activeSpeaker':
        this.update({ activeSpeaker: n.data.peerId });
        break;
      case 'chatMessage':
        if (!this.view.chat.some((m) => m.id === n.data.message.id))
          this.update({ chat: [...this.view.chat, n.data.message] });
        break;
      case 'hands':
        this.update({ hands: n.data.hands });
        break;
      case 'lobby':
        this.update({ lobby: n.data.lobby });
        break;
      case 'roomState':
        this.remote.setServerDecides(n.data.room.plenary);
        this.update({ room: n.data.room });
        break;
      case 'admitted':
        // A failed join shows itself (phase 'failed' with its code); the warning is for diagnosis.
        void this.join().catch((err: unknown) => console.warn('joining after admission failed', err));
        break;
      case 'rejected':
        this.update({ phase: 'rejected' });
        break;
      case 'removed':
        this.teardownMedia();
        this.update({ phase: 'removed' });
        break;
      case 'meetingEnded':
        this.teardownMedia();
        this.update({ phase: 'ended' });
        break;
      case 'recording':
        this.update({ recording: n.data.recording });
        break;
      case 'mediaReset':
        // The media server restarted under us: same meeting, new transports; the others' media is announced again.
        this.remote.clear();
        this.update({ reconnecting: true });
        void this.setUpMedia(this.routerRtpCapabilities).then(
          () => {
            this.update({ reconnecting: false });
            this.notice('reconnected');
          },
          (err: unknown) => console.warn('media setup after a media reset failed; rejoining', err),
        );
        break;
      default:
        unreachable(n);
    }
  }

  private onSelfUpdated(self: PeerView): void {
    const before = this.view.self?.blocked ?? [];
    const wasSpeaker = this.view.self?.speaker ?? true;
    this.update({ self, peers: this.view.peers });
    if (before.includes('mic') && !self.blocked.includes('mic')) this.notice('allowedToSpeak');
    if (!wasSpeaker && self.speaker) this.notice('speakerGranted');
    if (wasSpeaker && !self.speaker) this.notice('speakerRevoked');
  }

  private onSocketLost(): void {
    if (this.view.phase === 'joined' || this.view.phase === 'lobby') this.update({ reconnecting: true });
  }

  /** socket.io reconnected: the server let our old membership go with the old socket, so join again. */
  private onSocketBack(): void {
    if (this.disposed || !this.view.reconnecting) return;
    if (this.view.phase === 'joined' || this.view.phase === 'lobby' || this.view.phase === 'joining')
      void this.rejoin();
  }

  /** Full rejoin: drop media, join again (with back-off while the server is unreachable), set media up again. */
  private async rejoin(): Promise<void> {
    if (this.disposed) return;
    this.teardownMedia();
    this.update({ reconnecting: true });
    const attempt = this.rejoinAttempt++;
    const wait = REJOIN_DELAYS_MS[Math.min(attempt, REJOIN_DELAYS_MS.length - 1)]!;
    if (wait > 0) await new Promise((resolve) => window.setTimeout(resolve, wait));
    if (this.disposed || !this.connection?.connected) return;
    try {
      await this.join();
      this.notice('reconnected');
    } catch (err) {
      if (codeOf(err) === 'disconnected' || codeOf(err) === 'timeout') void this.rejoin();
    }
  }

  // ── plumbing ─────────────────────────────────────────────────────────────────────────────────────────────

  private request = async <M extends MeetingMethod>(method: M, data: RequestData<M>): Promise<MeetingResponses[M]> => {
    if (!this.connection) throw new MeetingRequestError('disconnected', 'Not connected to the server');
    return this.connection.request(method, data);
  };

  /** Opens the meeting's connection (once; a join link is first asked which meeting it is) and waits until it is up. */
  private async connect(): Promise<void> {
    this.connecting ??= this.open().catch((err: unknown) => {
      this.connecting = null;
      throw err;
    });
    await (await this.connecting).ready();
  }

  private async open(): Promise<MeetingConnection> {
    let meetingId = this.target.meetingId;
    if (!meetingId) {
      try {
        meetingId = (await fetchJoinLink(this.target.joinCode ?? '')).meetingId;
      } catch (err) {
        throw err instanceof ApiError ? new MeetingRequestError(err.code, err.message) : err;
      }
    }
    if (this.disposed) throw new MeetingRequestError('disconnected', 'The meeting room was closed');
    const connection = new MeetingConnection(meetingId);
    connection.on('notification', (n) => this.onNotification(n));
    connection.on('disconnected', () => this.onSocketLost());
    // socket.io reconnects by itself: to the same instance, or behind a load balancer to the one that now has the
    // meeting when its instance died; either way the old membership is gone and onSocketBack joins again.
    connection.on('connected', () => this.onSocketBack());
    this.connection = connection;
    return connection;
  }

  private closeConnection(): void {
    this.connection?.close();
    this.connection = null;
    this.connecting = null;
  }

  /**
   * Tells the server what this page shows, in a plenary (last-N): it forwards only that, the active speaker (pinned
   * in the grid) and the stage's screen at the best layer. Sent when it changes.
   */
  private reportDisplay(): void {
    if (this.view.phase !== 'joined' || !this.view.room.plenary) return;
    const selfId = this.view.self?.peerId;
    const report = {
      speaker: true,
      screens: this.display.screens.slice(0, 4),
      tiles: this.display.tiles
        .filter((id) => id !== selfId)
        .slice(0, 49)
        .map((peerId) => ({ peerId, size: tileSize(this.display.layer) })),
    };
    const key = JSON.stringify(report);
    if (key === this.lastDisplay) return;
    this.lastDisplay = key;
    this.request('reportDisplay', report).catch((err: unknown) => {
      this.lastDisplay = null;
      console.warn('display report failed', err);
    });
  }

  private blocked(source: MediaSource): boolean {
    const self = this.view.self;
    // A plenary viewer without the floor sends nothing (the server refuses it too).
    return !!self && !self.isHost && (self.blocked.includes(source) || !self.speaker);
  }

  private notice(notice: MeetingNotice): void {
    for (const listener of this.noticeListeners) listener(notice);
  }

  private update(patch: Partial<MeetingView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** The tile size the server's last-N knows, from the simulcast layer the grid chose for its tiles. */
function tileSize(spatialLayer: number): 'large' | 'medium' | 'small' {
  return spatialLayer >= 2 ? 'large' : spatialLayer === 1 ? 'medium' : 'small';
}

function codeOf(err: unknown): string {
  if (err instanceof MeetingRequestError) return err.code;
  if (err instanceof Error && /timed? ?out/i.test(err.message)) return 'timeout';
  return 'unknown';
}

function unreachable(n: never): void {
  console.warn('unknown meeting notification', n);
}
