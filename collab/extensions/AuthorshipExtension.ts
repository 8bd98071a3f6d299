// Records which user each Yjs client id belongs to, in the document's server-owned clientAuthors map, the first time a
// connection's update carries that client id. Diffs use it to colour insertions by author.
import type { beforeSyncPayload, Extension } from '@hocuspocus/server';
import { authorsMap, unattributed } from '../history/clientAuthors.ts';
import type { CollabContext, LocalWriteContext } from '../context.ts';
import { RICH_TEXT_KINDS } from '../../common/schema/documentKinds.ts';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export class AuthorshipExtension implements Extension {
  extensionName = 'Authorship';
  priority = 400;

  async beforeSync({ type, payload, connection, context, document }: beforeSyncPayload<CollabContext>): Promise<void> {
    if (
      (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) ||
      connection.readOnly ||
      !RICH_TEXT_KINDS.includes(context.documentKind)
    )
      return;
    const fresh = unattributed(document, payload);
    if (fresh.length === 0) return;
    // A local transaction: PersistenceExtension logs it like any server-side change.
    const origin: { source: 'local'; context: Partial<LocalWriteContext> } = {
      source: 'local',
      context: { userId: context.userId },
    };
    document.transact(() => {
      const map = authorsMap(document);
      for (const id of fresh) map.set(String(id), context.userId);
    }, origin);
  }
}
