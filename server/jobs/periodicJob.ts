// A job that runs now and then every few seconds, whose runs never overlap, and that lets a run in progress finish
// before the database closes. Subclasses say what one run does.
import type { JobLease } from '../scaleOut/jobLease.ts';
import type { Services } from '../services.ts';

export abstract class PeriodicJob<R> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<R | undefined> = Promise.resolve(undefined);
  /** True from stop() until the next start(): a long run may end early and leave the rest to the next start. */
  protected stopping = false;
  /** With several instances (TONGBAN_REDIS_URL): a timed run goes ahead only on the instance holding the job's lease. */
  private lease: JobLease | null = null;

  /** `seconds`: the period, read at start (0 or less: only on demand); `label`: how a failed run is logged. */
  protected constructor(
    protected readonly svc: Services,
    private readonly seconds: () => number,
    private readonly label: string,
  ) {}

  protected abstract runOnce(): Promise<R>;

  /** Timed runs from now on ask this lease first (runs asked for with tick() do not). */
  useLease(lease: JobLease): void {
    this.lease = lease;
  }

  /** Catches up at once, then runs every period. */
  start(): void {
    if (this.timer) return;
    const seconds = this.seconds();
    if (seconds <= 0) return;
    this.stopping = false;
    const run = () => {
      const mine = this.lease ? this.lease.acquire(this.label) : Promise.resolve(true);
      mine
        .then((go) => (go ? this.tick() : undefined))
        .catch((err: unknown) => this.svc.log.error({ err }, `${this.label} run failed`));
    };
    run();
    this.timer = setInterval(run, seconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // Let a run in progress finish before the database closes.
    await this.running.catch((err: unknown) => this.svc.log.error({ err }, `${this.label} run failed`));
  }

  /** One run; runs never overlap (a second caller waits for the first and then runs itself). */
  tick(): Promise<R> {
    const next = this.running.catch(() => undefined).then(() => this.runOnce());
    this.running = next;
    return next;
  }
}
