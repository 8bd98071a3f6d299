// 归档 in the background: queue a package for every 公文 completed since the last run, build queued packages (PDF
// layout takes seconds, so never in a request), and list sealed packages past their period for the archivist's
// destruction approval (never destroyed automatically).
import { buildQueuedPackages, queueCompletedOfficialDocs } from '../commands/archive/archivePackager.ts';
import { listExpiredPackages } from '../commands/archive/archiveDestruction.ts';
import type { Services } from '../services.ts';
import { PeriodicJob } from './periodicJob.ts';

export interface ArchiveRun {
  queued: number;
  built: number;
  listedForDestruction: number;
}

export class ArchiveJob extends PeriodicJob<ArchiveRun> {
  constructor(svc: Services) {
    super(svc, () => svc.config.archiveTickSeconds, 'archive');
  }

  protected async runOnce(): Promise<ArchiveRun> {
    const at = this.svc.clock.now();
    const queued = await queueCompletedOfficialDocs(this.svc, at);
    const built = this.stopping ? 0 : await buildQueuedPackages(this.svc, this.svc.clock.now());
    const listedForDestruction = await listExpiredPackages(this.svc, this.svc.clock.now());
    return { queued, built, listedForDestruction };
  }
}
