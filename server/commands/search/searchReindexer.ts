// Rebuilds the search index from the main database (`npm run cli -- search-reindex`), audited: after a restore, a
// change of the index's tables, or whenever an operator doubts it.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { rebuildSearchIndex } from '../../search/searchRebuild.ts';
import type { Services } from '../../services.ts';

export async function reindexSearch(svc: Services, ctx: RequestContext): Promise<{ indexed: number }> {
  const result = await rebuildSearchIndex(svc);
  await inTransaction(svc, (tx) =>
    recordAudit(tx, ctx, {
      action: 'search.reindex',
      resourceType: 'system',
      detail: { indexed: result.indexed },
    }),
  );
  return result;
}
