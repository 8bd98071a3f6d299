// The routers of one room: the first ("home") one with the active-speaker observer, more on other workers when the
// existing ones near their consumer budget, and producers piped (pipeToRouter) to wherever they are consumed. A
// plenary ("spread") room opens a router on every worker at once and deals its people out to the least crowded one.
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { MEDIA_CODECS } from './codecs.ts';
import { MediaError } from './errors.ts';
import type { ProducerData } from './Peer.ts';
import type { WorkerHandle, WorkerPool } from './WorkerPool.ts';

export interface RouterSlot {
  router: types.Router;
  handle: WorkerHandle;
  /** Consumers on this router, including pipe consumers feeding other routers. */
  consumers: number;
  /** People whose transports are on this router. */
  peers: number;
}

export interface RoomRoutersOptions {
  roomId: string;
  pool: WorkerPool;
  consumersPerRouter: number;
  /** A router on every worker from the start, people dealt out to the one with the fewest (plenary meetings). */
  spread: boolean;
  log: Logger;
  /** A router's worker died. */
  onWorkerLost(handle: WorkerHandle): void;
  /** The loudest producer changed (its owner's peer id). */
  onDominantSpeaker(peerId: string): void;
}

const ACTIVE_SPEAKER_INTERVAL_MS = 300;

export class RoomRouters {
  private slots: RouterSlot[] = [];
  private speakerObserver: types.ActiveSpeakerObserver | null = null;
  /** pipeToRouter in flight or done, per producer and destination router. */
  private readonly pipes = new Map<string, Promise<void>>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: RoomRoutersOptions) {}

  get count(): number {
    return this.slots.length;
  }

  get home(): types.Router | undefined {
    return this.slots[0]?.router;
  }

  /** Opens the home router (again, after a rebuild), and in a spread room one router on each other worker. */
  async open(): Promise<void> {
    this.closed = false;
    await this.add(new Set());
    if (!this.options.spread) return;
    const size = this.options.pool.size;
    while (this.slots.length < size) await this.add(new Set(this.slots.map((s) => s.handle.index)));
  }

  /** Routers in order with the people on each (for tests, the benchmark and diagnostics). */
  layout(): Array<{ router: types.Router; worker: number; peers: number; consumers: number }> {
    return this.slots.map((s) => ({
      router: s.router,
      worker: s.handle.index,
      peers: s.peers,
      consumers: s.consumers,
    }));
  }

  /** A person left a router (they left, or set up media again). */
  release(router: types.Router | null): void {
    const slot = this.slots.find((s) => s.router === router);
    if (slot && slot.peers > 0) slot.peers--;
  }

  /**
   * The router for a peer about to consume `expected` producers: the one it is already on, else the least loaded with
   * room for them, else a new one on another worker. Serialised, so two peers arriving together open one router.
   */
  routerFor(current: types.Router | null, expected: number): Promise<types.Router> {
    const choose = async (): Promise<types.Router> => {
      const existing = this.slots.find((s) => s.router === current);
      if (existing) return existing.router;
      const slot = this.options.spread ? this.leastCrowded() : await this.withRoomFor(expected);
      slot.peers++;
      return slot.router;
    };
    const next = this.queue.then(choose, choose);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async withRoomFor(expected: number): Promise<RouterSlot> {
    const fits = this.slots
      .filter((s) => s.consumers + expected <= this.options.consumersPerRouter)
      .sort((a, b) => a.consumers - b.consumers)[0];
    return fits ?? (await this.add(new Set(this.slots.map((s) => s.handle.index))));
  }

  /** Fewest people first (their consumers follow what they display, so people are the steadier measure). */
  private leastCrowded(): RouterSlot {
    const slot = this.slots.reduce<RouterSlot | undefined>(
      (best, s) => (!best || s.peers < best.peers ? s : best),
      undefined,
    );
    if (!slot) throw new MediaError('media_unavailable', 'The meeting has no media server right now');
    return slot;
  }

  webRtcServerOf(router: types.Router): types.WebRtcServer {
    const slot = this.slots.find((s) => s.router === router);
    if (!slot) throw new MediaError('media_unavailable', 'The router is gone');
    return slot.handle.webRtcServer;
  }

  isClosedRouter(routerId: string): boolean {
    return this.slots.find((s) => s.router.id === routerId)?.router.closed ?? false;
  }

  /** Makes a producer available on another router of this room (pipeToRouter), once. */
  async pipe(producer: types.Producer<ProducerData>, destination: types.Router): Promise<void> {
    const source = this.slots.find((s) => s.router.id === producer.appData.routerId);
    if (!source) throw new MediaError('producer_not_found', 'The producer is gone');
    if (source.router === destination) return;
    const key = `${producer.id}:${destination.id}`;
    let piping = this.pipes.get(key);
    if (!piping) {
      piping = source.router.pipeToRouter({ producerId: producer.id, router: destination }).then(({ pipeProducer }) => {
        pipeProducer?.observer.once('close', () => this.pipes.delete(key));
      });
      piping.catch(() => this.pipes.delete(key));
      this.pipes.set(key, piping);
    }
    await piping;
  }

  /**
   * Pipes a producer to every other router that has people on it, ahead of their consuming it (a plenary speaker
   * starts sending: hundreds of viewers then consume at once and find it there).
   */
  async pipeToAll(producer: types.Producer<ProducerData>): Promise<void> {
    await Promise.all(this.slots.filter((s) => s.peers > 0).map((s) => this.pipe(producer, s.router)));
  }

  /** Adds an audio producer to the active-speaker observer (on the home router, piped there if need be). */
  async observeSpeaker(producer: types.Producer<ProducerData>): Promise<void> {
    const observer = this.speakerObserver;
    const home = this.home;
    if (!observer || !home) return;
    try {
      await this.pipe(producer, home);
      await observer.addProducer({ producerId: producer.id });
    } catch (err) {
      // The producer may already be gone again; the speaker indicator is a nicety, not a reason to fail.
      if (!producer.closed)
        this.options.log.warn({ err, roomId: this.options.roomId }, 'active speaker observer refused a producer');
    }
  }

  /** Closes every router (safe to call twice); open() starts afresh. */
  closeAll(): void {
    this.closed = true;
    for (const slot of this.slots) slot.router.close();
    this.slots = [];
    this.pipes.clear();
    this.speakerObserver = null;
  }

  private async add(avoid: ReadonlySet<number>): Promise<RouterSlot> {
    const handle = await this.options.pool.acquire(avoid);
    const router = await handle.worker.createRouter({
      mediaCodecs: MEDIA_CODECS,
      appData: { roomId: this.options.roomId },
    });
    if (this.closed) {
      router.close();
      throw new MediaError('room_closed', 'The meeting room is closed');
    }
    const slot: RouterSlot = { router, handle, consumers: 0, peers: 0 };
    router.observer.on('newtransport', (transport) => {
      transport.observer.on('newconsumer', (consumer) => {
        slot.consumers++;
        consumer.observer.once('close', () => slot.consumers--);
      });
    });
    router.once('workerclose', () => this.options.onWorkerLost(handle));
    if (this.slots.length === 0) {
      const observer = await router.createActiveSpeakerObserver({ interval: ACTIVE_SPEAKER_INTERVAL_MS });
      observer.on('dominantspeaker', ({ producer }) => {
        const data = producer.appData as Partial<ProducerData>;
        if (typeof data.peerId === 'string') this.options.onDominantSpeaker(data.peerId);
      });
      this.speakerObserver = observer;
    }
    this.slots.push(slot);
    if (this.slots.length > 1)
      this.options.log.info(
        { roomId: this.options.roomId, routers: this.slots.length, worker: handle.index },
        'meeting spread onto another router',
      );
    return slot;
  }
}
