// A full rebuild of the search index from the main database, and the heads of the two change feeds the indexer
// (jobs/searchIndexer.ts) follows: the audit log and the collab update log.
import type { Db } from '../db/client.ts';
import type { Services } from '../services.ts';
import { allRefs, loadEntries } from './searchSources.ts';

/** The indexer's marks: how far it has read each feed. */
export const AUDIT_MARK = 'audit_seq';
export const UPDATE_MARK = 'document_update_seq';

export async function feedHeads(db: Db): Promise<{ audit: number; updates: number }> {
  const [audit, update] = await Promise.all([
    db.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }),
    db.documentUpdate.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }),
  ]);
  return { audit: audit?.seq ?? 0, updates: update?.seq ?? 0 };
}

/**
 * Rebuilds the whole index from the main database. The marks are taken before reading, so whatever changes while the
 * rebuild runs is read again by the next run.
 */
export async function rebuildSearchIndex(svc: Services): Promise<{ indexed: number }> {
  const heads = await feedHeads(svc.db);
  svc.search.clear();
  // Marked at once: an indexer running meanwhile (the server, while the CLI rebuilds) follows on, not rebuilds too.
  svc.search.setMark(AUDIT_MARK, String(heads.audit));
  svc.search.setMark(UPDATE_MARK, String(heads.updates));
  let indexed = 0;
  for await (const refs of allRefs(svc.db)) {
    const { entries, gone } = await loadEntries(svc, refs);
    svc.search.apply(entries, gone);
    indexed += entries.length;
  }
  return { indexed };
}
