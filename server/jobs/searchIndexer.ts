// Keeps the search index following the main database within seconds. Two change feeds say what changed: the audit
// log (every command writes an event naming its object in the same transaction: shares, participants, routes, task
// reports…) and the collab update log (co-edited text, appended before a client is acknowledged). Each run reads both
// past its marks and re-indexes the objects they name, so a document typed into continuously is read at most once a
// run (the debounce). Without marks (a new or dropped index) the run rebuilds everything first.
import { EventEmitter } from 'node:events';
import { AUDIT_MARK, feedHeads, indexRefs, rebuildSearchIndex, UPDATE_MARK } from '../search/searchRebuild.ts';
import type { SearchRef } from '../search/searchSources.ts';
import type { Services } from '../services.ts';
import { PeriodicJob } from './periodicJob.ts';

/** Events and updates read in one run; the rest waits for the next. */
const FEED_BATCH = 5000;

/** The object an audit event names, by the resource types commands write. */
function refOfAudit(resourceType: string, resourceId: string | null): SearchRef | null {
  if (!resourceId) return null;
  switch (resourceType) {
    case 'document':
      return { kind: 'document', objectId: resourceId };
    case 'meeting':
      return { kind: 'meeting', objectId: resourceId };
    case 'official_document':
      return { kind: 'officialDoc', objectId: resourceId };
    case 'supervision_task':
      return { kind: 'task', objectId: resourceId };
    default:
      return null;
  }
}

export interface IndexedEvent {
  refs: SearchRef[];
  rebuilt: boolean;
}

export class SearchIndexer extends PeriodicJob<IndexedEvent> {
  /** 'indexed' (IndexedEvent) after each run that changed the index: tests wait on it rather than sleep. */
  readonly events = new EventEmitter<{ indexed: [IndexedEvent] }>();

  constructor(svc: Services) {
    super(svc, () => svc.config.searchTickSeconds, 'search indexer');
  }

  protected async runOnce(): Promise<IndexedEvent> {
    const { db, search } = this.svc;
    const auditMark = search.mark(AUDIT_MARK);
    const updateMark = search.mark(UPDATE_MARK);
    if (auditMark === null || updateMark === null) {
      await rebuildSearchIndex(this.svc);
      const done = { refs: [], rebuilt: true };
      this.events.emit('indexed', done);
      return done;
    }
    // The heads first: whatever commits after them is read by the next run, never skipped by a mark set past it.
    const heads = await feedHeads(db);
    const [events, updates] = await Promise.all([
      db.auditEvent.findMany({
        where: { seq: { gt: Number(auditMark), lte: heads.audit }, outcome: { notIn: ['failure', 'refuse'] } },
        select: { seq: true, resourceType: true, resourceId: true },
        orderBy: { seq: 'asc' },
        take: FEED_BATCH,
      }),
      db.documentUpdate.findMany({
        where: { seq: { gt: Number(updateMark), lte: heads.updates } },
        select: { seq: true, documentId: true },
        orderBy: { seq: 'asc' },
        take: FEED_BATCH,
      }),
    ]);
    const refs = new Map<string, SearchRef>();
    for (const e of events) {
      const ref = refOfAudit(e.resourceType, e.resourceId);
      if (ref) refs.set(`${ref.kind}:${ref.objectId}`, ref);
    }
    for (const u of updates) refs.set(`document:${u.documentId}`, { kind: 'document', objectId: u.documentId });
    const list = [...refs.values()];
    // If the run stops between slices, the marks below are not moved and the next run reads the same objects again.
    await indexRefs(this.svc, list);
    const auditTo = events.length === FEED_BATCH ? events.at(-1)!.seq : heads.audit;
    const updatesTo = updates.length === FEED_BATCH ? updates.at(-1)!.seq : heads.updates;
    // Compaction may remove the newest logged updates; the log's sequence never goes back, so neither does the mark.
    search.setMark(AUDIT_MARK, String(Math.max(Number(auditMark), auditTo)));
    search.setMark(UPDATE_MARK, String(Math.max(Number(updateMark), updatesTo)));
    const done = { refs: list, rebuilt: false };
    if (list.length > 0) this.events.emit('indexed', done);
    return done;
  }
}
