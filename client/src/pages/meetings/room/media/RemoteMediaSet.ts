// What the others send, one entry per producer: consumed once known, kept flowing only when useful (audio and screen
// shares always, cameras only for tiles on screen, at the simulcast layer that suits the tile size). In a plenary the
// server decides that from the page's display report (media/PlenaryLayers.ts), and this set asks for nothing itself.
import { MeetingRequestError } from '../../../../realtime/meetingConnection.ts';
import type { MediaKind, MediaSource, ProducerView } from '../../../../../../media/signaling.ts';
import type { Requester } from './MediaSession.ts';

/** A consumer as this set uses it (mediasoup-client's Consumer is one). */
export interface ReceivedMedia {
  readonly id: string;
  readonly track: MediaStreamTrack;
  on(event: 'trackended', listener: () => void): unknown;
  close(): void;
}

/** What this set needs of a media session (MediaSession is one): receiving a producer, dropping a consumer. */
export interface ReceivingSession {
  consume(producerId: string): Promise<{ consumer: ReceivedMedia }>;
  dropConsumer(consumerId: string): void;
}

export interface RemoteMedia {
  producerId: string;
  peerId: string;
  kind: MediaKind;
  source: MediaSource;
  producerPaused: boolean;
  track: MediaStreamTrack | null;
  consumerId: string | null;
  /** Paused on the server by us because its tile is not on screen (or not yet resumed). */
  consumerPaused: boolean;
}

export class RemoteMediaSet {
  private readonly entries = new Map<string, RemoteMedia>();
  private readonly consuming = new Set<string>();
  private visiblePeers = new Set<string>();
  private preferredLayer = 2;
  /** The server decides what is forwarded and at which layer (a plenary's last-N). */
  private serverDecides = false;

  constructor(
    private readonly request: Requester,
    private readonly onChange: () => void,
  ) {}

  list(): RemoteMedia[] {
    return [...this.entries.values()].map((e) => ({ ...e }));
  }

  remember(peerId: string, p: ProducerView): RemoteMedia {
    const existing = this.entries.get(p.producerId);
    if (existing) return existing;
    const entry: RemoteMedia = {
      producerId: p.producerId,
      peerId,
      kind: p.kind,
      source: p.source,
      producerPaused: p.paused,
      track: null,
      consumerId: null,
      consumerPaused: false,
    };
    this.entries.set(p.producerId, entry);
    this.onChange();
    return entry;
  }

  /** Everything is gone (a rejoin or a media reset): the producers will be announced again. */
  clear(): void {
    this.entries.clear();
    this.consuming.clear();
    this.onChange();
  }

  /** The media session closed: keep knowing the producers, but their consumers are gone. */
  detach(): void {
    this.consuming.clear();
    for (const entry of this.entries.values())
      Object.assign(entry, { track: null, consumerId: null, consumerPaused: false });
    this.onChange();
  }

  forget(producerId: string, session: ReceivingSession | null): void {
    const entry = this.entries.get(producerId);
    if (!entry) return;
    this.entries.delete(producerId);
    if (entry.consumerId) session?.dropConsumer(entry.consumerId);
    this.onChange();
  }

  forgetWhere(match: (entry: RemoteMedia) => boolean, session: ReceivingSession | null): void {
    for (const entry of [...this.entries.values()]) if (match(entry)) this.forget(entry.producerId, session);
  }

  setProducerPaused(producerId: string, paused: boolean): void {
    const entry = this.entries.get(producerId);
    if (!entry) return;
    entry.producerPaused = paused;
    this.onChange();
  }

  consumeAll(session: ReceivingSession, current: () => boolean): Promise<void[]> {
    return Promise.all([...this.entries.values()].map((entry) => this.consume(entry, session, current)));
  }

  /** Consumes one producer on the given media session; `current` says whether that session is still the live one. */
  async consume(entry: RemoteMedia, session: ReceivingSession, current: () => boolean): Promise<void> {
    if (entry.consumerId || this.consuming.has(entry.producerId)) return;
    this.consuming.add(entry.producerId);
    try {
      const { consumer } = await session.consume(entry.producerId);
      if (!current() || !this.entries.has(entry.producerId)) {
        consumer.close();
        return;
      }
      entry.consumerId = consumer.id;
      entry.track = consumer.track;
      entry.consumerPaused = true;
      consumer.on('trackended', () => this.forget(entry.producerId, session));
      this.onChange();
      await this.applyVisibility(entry);
    } catch (err) {
      // The producer went away in the meantime; anything else is logged and the tile shows no video.
      if (err instanceof MeetingRequestError && err.code === 'producer_not_found')
        this.forget(entry.producerId, session);
      else if (current()) console.warn('consume failed', err);
    } finally {
      this.consuming.delete(entry.producerId);
    }
  }

  /**
   * Whether the server decides (a plenary): then each consumer is only let go once it is ready, and no pause or layer
   * of this page's own is asked for, so it cannot undo the server's choice.
   */
  setServerDecides(on: boolean): void {
    if (this.serverDecides === on) return;
    this.serverDecides = on;
    for (const entry of this.entries.values()) void this.applyVisibility(entry);
  }

  /** The peers whose tiles are on screen and the simulcast layer their size calls for. */
  setVisible(peerIds: string[], spatialLayer: number): void {
    this.visiblePeers = new Set(peerIds);
    this.preferredLayer = spatialLayer;
    for (const entry of this.entries.values()) void this.applyVisibility(entry);
  }

  private async applyVisibility(entry: RemoteMedia): Promise<void> {
    if (!entry.consumerId) return;
    const wanted = this.serverDecides || entry.source !== 'camera' || this.visiblePeers.has(entry.peerId);
    const consumerId = entry.consumerId;
    try {
      if (wanted && entry.consumerPaused) {
        entry.consumerPaused = false;
        await this.request('resumeConsumer', { consumerId });
      } else if (!wanted && !entry.consumerPaused) {
        entry.consumerPaused = true;
        await this.request('pauseConsumer', { consumerId });
      }
      if (wanted && entry.kind === 'video' && !this.serverDecides)
        await this.request('setPreferredLayers', {
          consumerId,
          spatialLayer: entry.source === 'screen' ? 2 : this.preferredLayer,
        });
    } catch (err) {
      if (!(err instanceof MeetingRequestError && err.code === 'consumer_not_found'))
        console.warn('consumer update failed', err);
    }
    this.onChange();
  }
}
