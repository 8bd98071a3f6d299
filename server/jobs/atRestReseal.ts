// The at-rest re-seal job: every resealTickSeconds it looks whether a key rotation or a change of TONGBAN_CIPHER left
// values sealed otherwise, and if so re-seals them in batches (commands/security/atRestResealer.ts), then retires
// the old key versions. Stopping lets the current batch finish; the next start goes on from the kept progress.
import { resealAtRest, type ResealOutcome } from '../commands/security/atRestResealer.ts';
import type { Services } from '../services.ts';
import { PeriodicJob } from './periodicJob.ts';

export class AtRestReseal extends PeriodicJob<ResealOutcome | null> {
  constructor(svc: Services) {
    super(svc, () => svc.config.resealTickSeconds, 'at-rest re-seal');
  }

  protected runOnce(): Promise<ResealOutcome | null> {
    const ctx = {
      actor: null,
      ip: 'job',
      userAgent: 'tongban-reseal',
      at: this.svc.clock.now(),
      auditKey: this.svc.keys.audit,
    };
    return resealAtRest(this.svc, ctx, { stopping: () => this.stopping });
  }
}
