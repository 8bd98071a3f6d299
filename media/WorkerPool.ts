// The mediasoup workers: one per core by default, each with a WebRtcServer so all of a worker's media uses one
// UDP and one TCP port. A worker that dies is replaced on the same port; rooms on it rebuild themselves (their
// routers emit 'workerclose') and ask for a live worker again, waiting here until the replacement is up.
import { EventEmitter, once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { MediaError } from './errors.ts';

export interface WorkerPoolOptions {
  workers: number;
  listenIp: string;
  announcedIp: string;
  /** Worker i listens on port + i; 0 lets each worker pick a free port. */
  port: number;
  logLevel: types.WorkerLogLevel;
  log: Logger;
}

export interface WorkerHandle {
  readonly index: number;
  readonly worker: types.Worker;
  readonly webRtcServer: types.WebRtcServer;
  /** Live consumers and routers on this worker, the load measure for placing new routers. */
  consumers: number;
  routers: number;
}

export interface WorkerStats {
  index: number;
  pid: number;
  consumers: number;
  routers: number;
}

type PoolEvents = {
  workerDied: [{ index: number; pid: number; error: Error }];
  workerReady: [WorkerHandle];
};

/** Back-off between attempts to replace a dead worker; the last value repeats until it works or the pool closes. */
const RESPAWN_DELAYS_MS = [0, 250, 1000, 2000, 5000];
/** How long a room waits for a replacement worker when none is alive. */
const ACQUIRE_TIMEOUT_MS = 20_000;

export class WorkerPool extends EventEmitter<PoolEvents> {
  private readonly slots: Array<WorkerHandle | null>;
  private starting: Promise<void> | null = null;
  private readonly shutdown = new AbortController();

  /** Creates the pool without starting workers: they start on first use, so processes that never host a meeting spawn none. */
  static create(options: WorkerPoolOptions): WorkerPool {
    if (!Number.isInteger(options.workers) || options.workers < 1)
      throw new Error('WorkerPool needs at least one worker');
    return new WorkerPool(options);
  }

  private constructor(private readonly options: WorkerPoolOptions) {
    super();
    this.slots = Array.from({ length: options.workers }, () => null);
  }

  get closed(): boolean {
    return this.shutdown.signal.aborted;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Starts every worker (idempotent). A failure (say, the media port is taken) rejects and may be retried. */
  start(): Promise<void> {
    if (this.closed) return Promise.reject(new MediaError('media_unavailable', 'The media server is shut down'));
    this.starting ??= (async () => {
      const results = await Promise.allSettled(this.slots.map((_, index) => this.spawn(index)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        for (const r of results) if (r.status === 'fulfilled') r.value.worker.close();
        this.slots.fill(null);
        throw failed.reason;
      }
      for (const r of results) if (r.status === 'fulfilled') this.install(r.value);
      this.options.log.info(
        { workers: this.slots.length, port: this.options.port, announcedIp: this.options.announcedIp },
        'media workers started',
      );
    })().catch((err: unknown) => {
      this.starting = null;
      throw err;
    });
    return this.starting;
  }

  /**
   * A live worker for a new router: the least loaded one, preferring workers not in `avoid` (a room spreading
   * over several cores). Waits for a replacement when every worker is dead.
   */
  async acquire(avoid: ReadonlySet<number> = new Set()): Promise<WorkerHandle> {
    await this.start();
    for (;;) {
      const live = this.live();
      if (live.length > 0) {
        const preferred = live.filter((h) => !avoid.has(h.index));
        return leastLoaded(preferred.length > 0 ? preferred : live);
      }
      if (this.closed) throw new MediaError('media_unavailable', 'The media server is shut down');
      try {
        await once(this, 'workerReady', {
          signal: AbortSignal.any([this.shutdown.signal, AbortSignal.timeout(ACQUIRE_TIMEOUT_MS)]),
        });
      } catch {
        throw new MediaError('media_unavailable', 'No media worker is available');
      }
    }
  }

  live(): WorkerHandle[] {
    return this.slots.filter((h): h is WorkerHandle => h !== null && !h.worker.closed);
  }

  stats(): WorkerStats[] {
    return this.live().map((h) => ({ index: h.index, pid: h.worker.pid, consumers: h.consumers, routers: h.routers }));
  }

  /** Stops every worker; safe to call twice. Rooms see their routers close. */
  close(): void {
    if (this.closed) return;
    this.shutdown.abort();
    for (const handle of this.slots) handle?.worker.close();
    this.slots.fill(null);
  }

  private async spawn(index: number): Promise<WorkerHandle> {
    const { listenIp, announcedIp, port, logLevel } = this.options;
    const worker = await mediasoup.createWorker({ logLevel, appData: { index } });
    try {
      const listenPort = port === 0 ? undefined : port + index;
      const webRtcServer = await worker.createWebRtcServer({
        listenInfos: [
          { protocol: 'udp', ip: listenIp, announcedIp, ...(listenPort === undefined ? {} : { port: listenPort }) },
          { protocol: 'tcp', ip: listenIp, announcedIp, ...(listenPort === undefined ? {} : { port: listenPort }) },
        ],
      });
      return { index, worker, webRtcServer, consumers: 0, routers: 0 };
    } catch (err) {
      worker.close();
      throw err;
    }
  }

  private install(handle: WorkerHandle): void {
    if (this.closed) {
      handle.worker.close();
      return;
    }
    const { worker } = handle;
    worker.observer.on('newrouter', (router) => {
      handle.routers++;
      router.observer.once('close', () => handle.routers--);
      router.observer.on('newtransport', (transport) => {
        transport.observer.on('newconsumer', (consumer) => {
          handle.consumers++;
          consumer.observer.once('close', () => handle.consumers--);
        });
      });
    });
    worker.once('died', (error) => this.onDied(handle, error));
    this.slots[handle.index] = handle;
    this.emit('workerReady', handle);
  }

  private onDied(handle: WorkerHandle, error: Error): void {
    if (this.slots[handle.index] === handle) this.slots[handle.index] = null;
    const pid = handle.worker.pid;
    this.options.log.error({ err: error, pid, index: handle.index }, 'media worker died; replacing it');
    this.emit('workerDied', { index: handle.index, pid, error });
    if (!this.closed) void this.respawn(handle.index);
  }

  private async respawn(index: number): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        await delay(RESPAWN_DELAYS_MS[Math.min(attempt, RESPAWN_DELAYS_MS.length - 1)], undefined, {
          signal: this.shutdown.signal,
        });
        const handle = await this.spawn(index);
        this.install(handle);
        this.options.log.warn({ index, pid: handle.worker.pid, attempt }, 'media worker replaced');
        return;
      } catch (err) {
        if (this.closed) return;
        this.options.log.error({ err, index, attempt }, 'replacing a media worker failed; retrying');
      }
    }
  }
}

function leastLoaded(handles: WorkerHandle[]): WorkerHandle {
  return handles.reduce((best, h) =>
    h.consumers < best.consumers || (h.consumers === best.consumers && h.routers < best.routers) ? h : best,
  );
}
