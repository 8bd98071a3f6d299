// One person in a room: the router their transports live on, their transports, producers and consumers.
import type { types } from 'mediasoup';
import type { LayerChoice } from './PlenaryLayers.ts';
import type { DisplayReport, MediaSource } from './signaling.ts';

export type TransportData = { peerId: string; direction: 'send' | 'recv' };
export type ProducerData = { peerId: string; source: MediaSource; routerId: string };
export type ConsumerData = { peerId: string; producerPeerId: string; source: MediaSource };

export interface PeerInfo {
  id: string;
  userId: string;
  displayName: string;
}

export class Peer {
  readonly id: string;
  readonly userId: string;
  readonly displayName: string;
  /** The router this peer's transports are on; chosen when the first transport is created. */
  router: types.Router | null = null;
  /** What the browser can receive; set by enableMedia, required to consume. */
  rtpCapabilities: types.RtpCapabilities | null = null;
  readonly transports = new Map<string, types.WebRtcTransport<TransportData>>();
  readonly producers = new Map<string, types.Producer<ProducerData>>();
  readonly consumers = new Map<string, types.Consumer<ConsumerData>>();
  /** Consumers the browser holds paused (each starts so, until the browser has it ready). */
  readonly heldByBrowser = new Set<string>();
  /** Layers the browser asked for itself, by consumer: they count only until it reports what it shows. */
  readonly browserLayers = new Map<string, LayerChoice>();
  /** What the browser last said it shows (last-N); null until it says, and then everything is forwarded. */
  display: DisplayReport | null = null;
  private isClosed = false;

  static create(info: PeerInfo): Peer {
    return new Peer(info);
  }

  private constructor(info: PeerInfo) {
    this.id = info.id;
    this.userId = info.userId;
    this.displayName = info.displayName;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  producerFor(source: MediaSource): types.Producer<ProducerData> | undefined {
    for (const producer of this.producers.values()) if (producer.appData.source === source) return producer;
    return undefined;
  }

  consumerOf(producerId: string): types.Consumer<ConsumerData> | undefined {
    for (const consumer of this.consumers.values()) if (consumer.producerId === producerId) return consumer;
    return undefined;
  }

  /**
   * Drops all media state but keeps the person in the room (their media server restarted, or they set up media
   * again). Closing a transport closes its producers and consumers.
   */
  resetMedia(): void {
    for (const consumer of this.consumers.values()) consumer.close();
    for (const producer of this.producers.values()) producer.close();
    for (const transport of this.transports.values()) transport.close();
    this.consumers.clear();
    this.heldByBrowser.clear();
    this.browserLayers.clear();
    this.producers.clear();
    this.transports.clear();
    this.router = null;
    this.rtpCapabilities = null;
  }

  /** Leaves for good; safe to call twice. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.resetMedia();
  }
}
