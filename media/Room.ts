// A meeting's media: its routers (one to start with, more on other workers when one nears its consumer budget,
// joined by pipeToRouter; a plenary one on every worker), its peers, the active-speaker observer, and for each peer
// what its browser shows (last-N: the rest is paused, small tiles get the lowest simulcast layer). When a worker under one of its routers dies,
// the room drops all media state, takes a new router and tells every peer to set up media again. Which consumers are
// forwarded and at which layer is decided in one place, PlenaryLayers' fitConsumer.
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { MediaError, type MediaErrorCode } from './errors.ts';
import { Peer, type ConsumerData, type PeerInfo, type ProducerData, type TransportData } from './Peer.ts';
import { fitConsumer, layersDiffer, type ConsumerFit } from './PlenaryLayers.ts';
import { RoomRouters } from './RoomRouters.ts';
import type {
  ConsumerView,
  DisplayReport,
  IceServer,
  MediaSource,
  MeetingNotification,
  ProducerView,
  RtpCapabilitiesInput,
  RtpParametersInput,
  DtlsParametersInput,
  TransportOptionsView,
} from './signaling.ts';
import type { WorkerHandle, WorkerPool } from './WorkerPool.ts';

/** Delivers notifications to a peer's browser (the signalling layer knows its socket). */
export interface RoomSink {
  notify(peerId: string, notification: MeetingNotification): void;
}

export interface RoomOptions {
  id: string;
  pool: WorkerPool;
  consumersPerRouter: number;
  /** A plenary: routers on every worker from the start, people dealt out over them. */
  plenary?: boolean;
  iceServers: IceServer[];
  log: Logger;
  sink: RoomSink;
}

const MAX_TRANSPORTS_PER_PEER = 4;
const INITIAL_OUTGOING_BITRATE = 1_000_000;

export class Room {
  readonly id: string;
  private readonly peers = new Map<string, Peer>();
  private readonly routers: RoomRouters;
  private activeSpeaker: string | null = null;
  private readonly closingByHost = new Set<string>();
  /** A peer's router being chosen: its send and receive transports, asked for together, land on the same one. */
  private readonly choosing = new WeakMap<Peer, Promise<types.Router>>();
  private rebuilding: Promise<void> | null = null;
  /** While tearing everything down for a rebuild, closures are not announced one by one. */
  private quiet = false;
  private isClosed = false;

  static async create(options: RoomOptions): Promise<Room> {
    const room = new Room(options);
    await room.routers.open();
    return room;
  }

  private constructor(private readonly options: RoomOptions) {
    this.id = options.id;
    this.routers = new RoomRouters({
      roomId: options.id,
      pool: options.pool,
      consumersPerRouter: options.consumersPerRouter,
      spread: options.plenary ?? false,
      log: options.log,
      onWorkerLost: (handle) => this.onWorkerLost(handle),
      onDominantSpeaker: (peerId) => this.setActiveSpeaker(peerId),
    });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get rtpCapabilities(): types.RtpCapabilities {
    const home = this.routers.home;
    if (!home) throw new MediaError('media_unavailable', 'The meeting has no media server right now');
    return home.rtpCapabilities;
  }

  get activeSpeakerPeerId(): string | null {
    return this.activeSpeaker;
  }

  get routerCount(): number {
    return this.routers.count;
  }

  /** The routers with their worker and the people on each. */
  routerLayout(): Array<{ routerId: string; worker: number; peers: number; consumers: number }> {
    return this.routers
      .layout()
      .map((l) => ({ routerId: l.router.id, worker: l.worker, peers: l.peers, consumers: l.consumers }));
  }

  peer(peerId: string): Peer {
    const peer = this.peers.get(peerId);
    if (!peer) throw new MediaError('peer_not_found', 'Not in this meeting');
    return peer;
  }

  hasPeer(peerId: string): boolean {
    return this.peers.has(peerId);
  }

  addPeer(info: PeerInfo): Peer {
    if (this.isClosed) throw new MediaError('room_closed', 'The meeting room is closed');
    const peer = Peer.create(info);
    this.peers.set(peer.id, peer);
    return peer;
  }

  removePeer(peerId: string): void {
    const peer = this.peers.get(peerId);
    if (!peer) return;
    this.peers.delete(peerId);
    this.routers.release(peer.router);
    peer.close();
    if (this.activeSpeaker === peerId) this.setActiveSpeaker(null);
  }

  producerViews(peerId: string): ProducerView[] {
    const peer = this.peers.get(peerId);
    if (!peer) return [];
    return [...peer.producers.values()].map((p) => ({
      producerId: p.id,
      kind: p.kind,
      source: p.appData.source,
      paused: p.paused,
    }));
  }

  /** Records what the browser can receive and lists what there is to consume. */
  async enableMedia(
    peerId: string,
    rtpCapabilities: RtpCapabilitiesInput,
  ): Promise<Array<ProducerView & { peerId: string }>> {
    await this.ready();
    const peer = this.peer(peerId);
    peer.rtpCapabilities = rtpCapabilities as types.RtpCapabilities;
    const list: Array<ProducerView & { peerId: string }> = [];
    for (const other of this.peers.values()) {
      if (other.id === peerId) continue;
      for (const view of this.producerViews(other.id)) list.push({ ...view, peerId: other.id });
    }
    return list;
  }

  async createTransport(peerId: string, direction: 'send' | 'recv'): Promise<TransportOptionsView> {
    await this.ready();
    const peer = this.peer(peerId);
    if (peer.transports.size >= MAX_TRANSPORTS_PER_PEER)
      throw new MediaError('too_many_transports', 'Too many transports');
    const expected = [...this.peers.values()].reduce((n, p) => n + (p === peer ? 0 : p.producers.size), 0);
    const router = await this.routerOf(peer, expected);
    const transport = await router.createWebRtcTransport<TransportData>({
      webRtcServer: this.routers.webRtcServerOf(router),
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE,
      appData: { peerId, direction },
    });
    if (peer.closed || peer.router !== router) {
      transport.close();
      throw new MediaError('peer_not_found', 'Left the meeting while setting up media');
    }
    peer.transports.set(transport.id, transport);
    transport.observer.once('close', () => peer.transports.delete(transport.id));
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates.map((c) => ({ ...c, address: c.ip })),
      // mediasoup types the algorithm as any string; it only ever produces the five standard names.
      dtlsParameters: transport.dtlsParameters as DtlsParametersInput,
      iceServers: this.options.iceServers,
    };
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: DtlsParametersInput): Promise<void> {
    await this.ready();
    const transport = this.transportOf(peerId, transportId);
    try {
      await transport.connect({ dtlsParameters: dtlsParameters as types.DtlsParameters });
    } catch (err) {
      throw new MediaError('invalid_dtls_parameters', `Transport refused: ${messageOf(err)}`);
    }
  }

  async restartIce(peerId: string, transportId: string): Promise<TransportOptionsView['iceParameters']> {
    await this.ready();
    const transport = this.transportOf(peerId, transportId);
    return whileOpen(transport, 'transport_not_found', () => transport.restartIce());
  }

  async produce(
    peerId: string,
    input: {
      transportId: string;
      kind: 'audio' | 'video';
      source: MediaSource;
      rtpParameters: RtpParametersInput;
      paused: boolean;
    },
  ): Promise<types.Producer<ProducerData>> {
    await this.ready();
    const peer = this.peer(peerId);
    const transport = this.transportOf(peerId, input.transportId);
    if (transport.appData.direction !== 'send') throw new MediaError('transport_not_found', 'Not a sending transport');
    const router = peer.router;
    if (!router) throw new MediaError('transport_not_found', 'No transport set up');
    // One producer per source: a new camera replaces the old one.
    peer.producerFor(input.source)?.close();
    let producer: types.Producer<ProducerData>;
    try {
      producer = await transport.produce<ProducerData>({
        kind: input.kind,
        rtpParameters: input.rtpParameters as types.RtpParameters,
        paused: input.paused,
        appData: { peerId, source: input.source, routerId: router.id },
      });
    } catch (err) {
      throw new MediaError('invalid_rtp_parameters', `Media refused: ${messageOf(err)}`);
    }
    peer.producers.set(producer.id, producer);
    producer.observer.once('close', () => this.onProducerClosed(peer, producer));
    if (producer.kind === 'audio') void this.routers.observeSpeaker(producer);
    if (this.options.plenary) void this.pipeAhead(producer);
    this.broadcast(
      {
        method: 'producerAdded',
        data: {
          peerId,
          producer: { producerId: producer.id, kind: producer.kind, source: input.source, paused: producer.paused },
        },
      },
      peerId,
    );
    return producer;
  }

  closeProducer(peerId: string, producerId: string, byHost: boolean): void {
    const producer = this.producerOf(peerId, producerId);
    if (byHost) this.closingByHost.add(producerId);
    producer.close();
  }

  async setProducerPaused(peerId: string, producerId: string, paused: boolean, byHost: boolean): Promise<void> {
    await this.ready();
    const producer = this.producerOf(peerId, producerId);
    await whileOpen(producer, 'producer_not_found', () => (paused ? producer.pause() : producer.resume()));
    this.broadcast({ method: 'producerPaused', data: { peerId, producerId, paused, byHost } });
  }

  async consume(peerId: string, producerId: string): Promise<ConsumerView> {
    await this.ready();
    const peer = this.peer(peerId);
    if (!peer.rtpCapabilities || !peer.router)
      throw new MediaError('media_not_enabled', 'Set up media before consuming');
    // Only producers of this room can be found: another meeting's producer id is simply unknown here.
    const owner = [...this.peers.values()].find((p) => p.producers.has(producerId));
    const producer = owner?.producers.get(producerId);
    if (!owner || !producer) throw new MediaError('producer_not_found', 'No such producer in this meeting');
    if (owner.id === peerId) throw new MediaError('cannot_consume', 'Cannot consume your own media');
    if (peer.consumerOf(producerId)) throw new MediaError('cannot_consume', 'Already receiving this media');
    const transport = [...peer.transports.values()].find((t) => t.appData.direction === 'recv');
    if (!transport) throw new MediaError('transport_not_found', 'No receiving transport');
    const destination = peer.router;
    const rtpCapabilities = peer.rtpCapabilities;
    // The producer may close (its owner left) or the transport (this peer left) while the worker works on it.
    const bothOpen = {
      get closed() {
        return producer.closed || transport.closed;
      },
    };
    const consumer = await whileOpen(bothOpen, 'producer_not_found', async () => {
      await this.routers.pipe(producer, destination);
      if (!destination.canConsume({ producerId, rtpCapabilities })) {
        throw new MediaError('cannot_consume', 'This browser cannot receive this media');
      }
      return transport.consume<ConsumerData>({
        producerId,
        rtpCapabilities,
        // Resumed by the browser once its consumer exists, so no keyframe is lost in between.
        paused: true,
        appData: { peerId, producerPeerId: owner.id, source: producer.appData.source },
      });
    });
    peer.consumers.set(consumer.id, consumer);
    peer.heldByBrowser.add(consumer.id);
    const forget = () => {
      peer.consumers.delete(consumer.id);
      peer.heldByBrowser.delete(consumer.id);
      peer.browserLayers.delete(consumer.id);
    };
    const gone = () => {
      forget();
      if (!this.quiet && !peer.closed)
        this.options.sink.notify(peerId, { method: 'consumerClosed', data: { consumerId: consumer.id } });
    };
    consumer.on('transportclose', forget);
    consumer.on('producerclose', gone);
    return {
      consumerId: consumer.id,
      producerId,
      peerId: owner.id,
      kind: consumer.kind,
      source: producer.appData.source,
      rtpParameters: consumer.rtpParameters,
      producerPaused: consumer.producerPaused,
    };
  }

  async setConsumerPaused(peerId: string, consumerId: string, paused: boolean): Promise<void> {
    await this.ready();
    const peer = this.peer(peerId);
    const consumer = this.consumerOf(peerId, consumerId);
    if (paused) peer.heldByBrowser.add(consumer.id);
    else peer.heldByBrowser.delete(consumer.id);
    await whileOpen(this.liveness(consumer), 'consumer_not_found', () => this.fitToDisplay(peer, consumer));
  }

  /**
   * What a peer's browser shows (last-N): from now on its video consumers are forwarded only while on view, the
   * active speaker and screens at the best layer, small grid tiles at the lowest; the rest is paused.
   */
  async setDisplay(peerId: string, display: DisplayReport): Promise<void> {
    await this.ready();
    const peer = this.peer(peerId);
    peer.display = display;
    await this.refit(peer, [...peer.consumers.values()]);
  }

  /** Whether a consumer is forwarded to its peer and at which layer (fitConsumer decides; this only gathers facts). */
  wanted(peer: Peer, consumer: types.Consumer<ConsumerData>): ConsumerFit {
    return fitConsumer(peer.display, this.activeSpeaker, {
      kind: consumer.kind,
      source: consumer.appData.source,
      ownerPeerId: consumer.appData.producerPeerId,
      heldByBrowser: peer.heldByBrowser.has(consumer.id),
      browserLayers: peer.browserLayers.get(consumer.id) ?? null,
    });
  }

  /**
   * The browser's own choice of layer. It is remembered and counts only while the peer has not reported what it
   * displays; once it has (a plenary viewer), the report decides and this request changes nothing.
   */
  async setPreferredLayers(
    peerId: string,
    consumerId: string,
    spatialLayer: number,
    temporalLayer?: number,
  ): Promise<void> {
    await this.ready();
    const peer = this.peer(peerId);
    const consumer = this.consumerOf(peerId, consumerId);
    peer.browserLayers.set(consumer.id, { spatialLayer, ...(temporalLayer === undefined ? {} : { temporalLayer }) });
    await whileOpen(this.liveness(consumer), 'consumer_not_found', () => this.fitToDisplay(peer, consumer));
  }

  /**
   * Byte counters per producer and consumer, for tests and diagnostics. Media that closes while being asked (its
   * worker died a moment ago) is left out rather than failing the whole answer.
   */
  async mediaStats(): Promise<
    Array<{
      peerId: string;
      producers: Array<{ id: string; source: MediaSource; type: types.ProducerType; paused: boolean; bytes: number }>;
      consumers: Array<{
        id: string;
        producerId: string;
        source: MediaSource;
        paused: boolean;
        producerPaused: boolean;
        bytes: number;
      }>;
    }>
  > {
    const out = [];
    for (const peer of this.peers.values()) {
      const producers = await Promise.all(
        [...peer.producers.values()].map((p) =>
          unlessClosed(p, async () => ({
            id: p.id,
            source: p.appData.source,
            type: p.type,
            paused: p.paused,
            bytes: (await p.getStats()).reduce((sum, s) => sum + s.byteCount, 0),
          })),
        ),
      );
      const consumers = await Promise.all(
        [...peer.consumers.values()].map((c) =>
          unlessClosed(c, async () => ({
            id: c.id,
            producerId: c.producerId,
            source: c.appData.source,
            paused: c.paused,
            producerPaused: c.producerPaused,
            bytes: (await c.getStats())
              .filter((s) => s.type === 'outbound-rtp')
              .reduce((sum, s) => sum + s.byteCount, 0),
          })),
        ),
      );
      out.push({
        peerId: peer.id,
        producers: producers.filter((p) => p !== null),
        consumers: consumers.filter((c) => c !== null),
      });
    }
    return out;
  }

  /** Closes every peer, then the routers; safe to call twice. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.quiet = true;
    for (const peer of this.peers.values()) peer.close();
    this.peers.clear();
    this.routers.closeAll();
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────────────────────

  /** The router of a peer's transports: the one it has, else one chosen once however many transports ask at once. */
  private routerOf(peer: Peer, expected: number): Promise<types.Router> {
    let choice = this.choosing.get(peer);
    if (!choice) {
      const had = peer.router;
      choice = this.routers
        .routerFor(had, expected)
        .then((router) => {
          // Left meanwhile: a place newly taken on a router is given back (removePeer saw no router yet).
          if (peer.closed) {
            if (router !== had) this.routers.release(router);
          } else peer.router = router;
          return router;
        })
        .finally(() => this.choosing.delete(peer));
      this.choosing.set(peer, choice);
    }
    return choice;
  }

  /**
   * Brings a consumer in line with the one decision (fitConsumer): the layer first, so that it resumes at the right
   * one. Only changes are sent to the worker.
   */
  private async fitToDisplay(peer: Peer, consumer: types.Consumer<ConsumerData>): Promise<void> {
    const { paused, layers } = this.wanted(peer, consumer);
    if (
      layers &&
      (consumer.type === 'simulcast' || consumer.type === 'svc') &&
      layersDiffer(consumer.preferredLayers, layers)
    )
      await consumer.setPreferredLayers(layers);
    if (paused && !consumer.paused) await consumer.pause();
    else if (!paused && consumer.paused) await consumer.resume();
  }

  /** Refits several consumers of one peer; one that went away meanwhile is simply skipped. */
  private async refit(peer: Peer, consumers: Array<types.Consumer<ConsumerData>>): Promise<void> {
    await Promise.all(
      consumers.map(async (consumer) => {
        try {
          await this.fitToDisplay(peer, consumer);
        } catch (err) {
          if (!this.liveness(consumer).closed && !peer.closed) throw err;
        }
      }),
    );
  }

  /** The active speaker changed: every peer showing the speaker's tile swaps whose video it gets at the best layer. */
  private async refitSpeakers(previous: string | null, next: string | null): Promise<void> {
    const involved = new Set([previous, next].filter((p): p is string => p !== null));
    await Promise.all(
      [...this.peers.values()]
        .filter((peer) => peer.display?.speaker)
        .map((peer) =>
          this.refit(
            peer,
            [...peer.consumers.values()].filter((c) => involved.has(c.appData.producerPeerId)),
          ),
        ),
    );
  }

  /** A plenary speaker's media goes to every router with people before they ask for it. */
  private async pipeAhead(producer: types.Producer<ProducerData>): Promise<void> {
    try {
      await this.routers.pipeToAll(producer);
    } catch (err) {
      // Consuming pipes on demand anyway; this only saves the viewers' time.
      if (!producer.closed) this.options.log.warn({ err, roomId: this.id }, 'could not pipe a speaker ahead');
    }
  }

  private async ready(): Promise<void> {
    if (this.rebuilding) await this.rebuilding;
    if (this.isClosed) throw new MediaError('room_closed', 'The meeting room is closed');
  }

  private transportOf(peerId: string, transportId: string): types.WebRtcTransport<TransportData> {
    const transport = this.peer(peerId).transports.get(transportId);
    if (!transport) throw new MediaError('transport_not_found', 'No such transport');
    return transport;
  }

  private producerOf(peerId: string, producerId: string): types.Producer<ProducerData> {
    const producer = this.peer(peerId).producers.get(producerId);
    if (!producer) throw new MediaError('producer_not_found', 'No such producer');
    return producer;
  }

  private consumerOf(peerId: string, consumerId: string): types.Consumer<ConsumerData> {
    const consumer = this.peer(peerId).consumers.get(consumerId);
    if (!consumer) throw new MediaError('consumer_not_found', 'No such consumer');
    return consumer;
  }

  /**
   * Whether a consumer is gone for good. mediasoup delivers a consumer's "producerclose" a moment after the worker's
   * answers (setImmediate), so a request racing with its producer's closing fails before the consumer knows; the
   * producer having left the room already tells.
   */
  private liveness(consumer: types.Consumer<ConsumerData>): { readonly closed: boolean } {
    const gone = () =>
      consumer.closed || !this.peers.get(consumer.appData.producerPeerId)?.producers.has(consumer.producerId);
    return {
      get closed() {
        return gone();
      },
    };
  }

  private broadcast(notification: MeetingNotification, exceptPeerId?: string): void {
    if (this.quiet) return;
    for (const peer of this.peers.values())
      if (peer.id !== exceptPeerId) this.options.sink.notify(peer.id, notification);
  }

  private onProducerClosed(peer: Peer, producer: types.Producer<ProducerData>): void {
    peer.producers.delete(producer.id);
    const byHost = this.closingByHost.delete(producer.id);
    // A dead worker closes its routers' producers before the room hears of it; the rebuild announces that instead.
    if (this.routers.isClosedRouter(producer.appData.routerId)) return;
    this.broadcast({
      method: 'producerClosed',
      data: { peerId: peer.id, producerId: producer.id, source: producer.appData.source, byHost },
    });
  }

  private setActiveSpeaker(peerId: string | null): void {
    if (this.activeSpeaker === peerId) return;
    const previous = this.activeSpeaker;
    this.activeSpeaker = peerId;
    this.broadcast({ method: 'activeSpeaker', data: { peerId } });
    void this.refitSpeakers(previous, peerId).catch((err: unknown) => {
      if (!this.isClosed) this.options.log.warn({ err, roomId: this.id }, 'could not follow the active speaker');
    });
  }

  private onWorkerLost(handle: WorkerHandle): void {
    if (this.isClosed || this.rebuilding) return;
    this.options.log.warn(
      { roomId: this.id, worker: handle.index },
      'media worker of a meeting died; rebuilding the room',
    );
    this.rebuilding = this.rebuild().finally(() => {
      this.rebuilding = null;
    });
  }

  private async rebuild(): Promise<void> {
    this.quiet = true;
    for (const peer of this.peers.values()) peer.resetMedia();
    this.routers.closeAll();
    this.activeSpeaker = null;
    this.quiet = false;
    try {
      await this.routers.open();
    } catch (err) {
      if (this.isClosed) return;
      this.options.log.error({ err, roomId: this.id }, 'meeting media could not be rebuilt');
      this.close();
      return;
    }
    this.broadcast({ method: 'mediaReset', data: { reason: 'worker_restarted' } });
  }
}

/**
 * Runs a worker request about a transport, producer or consumer. When it is closed, or closes while the worker works
 * on it (its producer went, its owner left, its worker died), the caller is told it is gone rather than of an
 * internal error: these races are normal while people come and go.
 */
async function whileOpen<T>(
  media: { readonly closed: boolean },
  code: MediaErrorCode,
  request: () => Promise<T>,
): Promise<T> {
  if (media.closed) throw new MediaError(code, 'It is gone');
  try {
    return await request();
  } catch (err) {
    if (media.closed && !(err instanceof MediaError)) throw new MediaError(code, `It went away: ${messageOf(err)}`);
    throw err;
  }
}

/** Runs a query on a producer or consumer; null when it is closed or closes meanwhile (its worker died). */
async function unlessClosed<T>(media: { closed: boolean }, query: () => Promise<T>): Promise<T | null> {
  if (media.closed) return null;
  try {
    return await query();
  } catch (err) {
    if (media.closed) return null;
    throw err;
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message.slice(0, 200) : 'unknown error';
}
