// The at-rest re-seal job: every resealTickSeconds it looks whether a key rotation or a change of TONGBAN_CIPHER left
// values sealed otherwise, and if so re-seals them in batches (commands/security/atRestResealer.ts), then retires
// the old key versions. Stopping lets the current batch finish; the next start goes on from the kept progress.
import { resealAtRest, type ResealOutcome } from '../commands/security/atRestResealer.ts';
import type { Services } from '../services.ts';

export class AtRestReseal {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ResealOutcome | null> = Promise.resolve(null);
  private stopping = false;

  constructor(private readonly svc: Services) {}

  start(): void {
    if (this.timer) return;
    const seconds = this.svc.config.resealTickSeconds;
    if (seconds <= 0) return;
    this.stopping = false;
    const run = () => {
      this.tick().catch((err: unknown) => this.svc.log.error({ err }, 'at-rest re-seal run failed'));
    };
    run();
    this.timer = setInterval(run, seconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running.catch((err: unknown) => this.svc.log.error({ err }, 'at-rest re-seal run failed'));
  }

  /** One run; runs never overlap (a second caller waits for the first and then runs itself). */
  tick(): Promise<ResealOutcome | null> {
    const next = this.running
      .catch(() => null)
      .then(() => {
        const ctx = {
          actor: null,
          ip: 'job',
          userAgent: 'tongban-reseal',
          at: this.svc.clock.now(),
          auditKey: this.svc.keys.audit,
        };
        return resealAtRest(this.svc, ctx, { stopping: () => this.stopping });
      });
    this.running = next;
    return next;
  }
}
