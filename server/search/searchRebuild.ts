// A full rebuild of the search index from the main database, the heads of the two change feeds the indexer
// (jobs/searchIndexer.ts) follows (the audit log and the collab update log), and the write path both share.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../db/client.ts';
import type { Services } from '../services.ts';
import { allRefs, loadEntries, type SearchRef } from './searchSources.ts';

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
 * Objects read and written at a time, the event loop served between slices. Reading a document's text and writing its
 * trigram and bigram rows takes a few ms, all on the server's thread (on SQLite the reads resolve without the loop
 * turning): the 50 documents typed into at once by bench:collab's many-documents load, re-indexed in one go, held the
 * loop 100-200 ms every run of the indexer, and every collab delivery and request with it.
 */
export const INDEX_SLICE = 4;

/**
 * Indexes these objects anew (or removes those gone), INDEX_SLICE at a time. Each slice is one transaction of the
 * index, so an object's old and new entries are swapped together; returns how many entries were written.
 */
export async function indexRefs(svc: Services, refs: readonly SearchRef[]): Promise<number> {
  let indexed = 0;
  for (let i = 0; i < refs.length; i += INDEX_SLICE) {
    if (i > 0) await nextTurn();
    const { entries, gone } = await loadEntries(svc, refs.slice(i, i + INDEX_SLICE));
    svc.search.apply(entries, gone);
    indexed += entries.length;
  }
  return indexed;
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
  for await (const refs of allRefs(svc.db)) indexed += await indexRefs(svc, refs);
  return { indexed };
}
