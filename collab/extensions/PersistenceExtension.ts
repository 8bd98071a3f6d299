// Durable persistence: every client update is appended to the document's log, and the client's acknowledgement (its
// SyncStatus message) is held back until that append has committed, so nothing a client saw acknowledged is lost on
// kill -9. The update itself is applied and passed on to the other clients at once: one that the server then loses in
// a crash was never acknowledged, so its author still holds it as unsynced and sends it again on reconnecting.
// (Holding the broadcast for the commit as well cost every delivery the commit's wait: bench:collab, meeting load.)
// Server-side writes are logged on change; the log is folded into a snapshot in the background.
import type {
  beforeSyncPayload,
  Connection,
  Extension,
  onChangePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { isTransactionOrigin } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import { documentIdOf, type CollabContext, type LocalWriteContext } from '../context.ts';
import { COMPACT_AFTER_UPDATES, type DocumentStore } from '../storage/documentStore.ts';
import type { CollabMetrics } from './MetricsExtension.ts';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** Hocuspocus's MessageType.SyncStatus: the acknowledgement of an applied update. */
const SYNC_STATUS = 8;

function isEmptyUpdate(update: Uint8Array): boolean {
  // Two zero varints: no structs and an empty delete set — what a client sends when it has nothing new.
  return update.byteLength <= 2 && update.every((b) => b === 0);
}

export class PersistenceExtension implements Extension {
  extensionName = 'Persistence';
  priority = 500;

  constructor(
    private readonly store: DocumentStore,
    private readonly metrics: CollabMetrics,
    private readonly log: Logger,
  ) {}

  async onLoadDocument({ documentName }: onLoadDocumentPayload): Promise<Uint8Array | undefined> {
    const documentId = documentIdOf(documentName);
    if (!documentId) throw new Error('unknown document');
    const { state } = await this.store.load(documentId);
    return state ?? undefined;
  }

  /** Per connection: whether every append so far has committed (acknowledgements wait on it, in order). */
  private readonly committed = new WeakMap<Connection, { all: Promise<boolean> }>();

  async beforeSync({ type, payload, connection, context }: beforeSyncPayload<CollabContext>): Promise<void> {
    if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly || isEmptyUpdate(payload)) return;
    const started = performance.now();
    const appended = this.store.append(context.documentId, payload, context.userId).then(
      () => {
        this.metrics.updatesPersisted++;
        this.metrics.bytesPersisted += payload.byteLength;
        this.metrics.persistMsTotal += performance.now() - started;
        return true;
      },
      (err: unknown) => {
        // Nothing is acknowledged from here on; the client reconnects and sends what it still holds again.
        this.log.error(
          { err, documentId: context.documentId, userId: context.userId },
          'collab update not stored; closing the connection',
        );
        connection.close({ code: 1011, reason: 'storage_unavailable' });
        return false;
      },
    );
    const gate = this.gateAcknowledgements(connection);
    gate.all = Promise.all([gate.all, appended]).then(([before, now]) => before && now);
  }

  /** Routes the connection's SyncStatus messages through its commit chain (set up once per connection). */
  private gateAcknowledgements(connection: Connection): { all: Promise<boolean> } {
    let gate = this.committed.get(connection);
    if (gate) return gate;
    const state = { all: Promise.resolve(true) };
    gate = state;
    this.committed.set(connection, gate);
    // Every message on this connection starts with its address; a SyncStatus is that, its type, and one flag.
    const address = encoding.createEncoder();
    encoding.writeVarString(address, connection.messageAddress);
    const offset = encoding.length(address);
    const send = connection.send.bind(connection);
    connection.send = (message: Uint8Array): void => {
      if (message.byteLength !== offset + 2 || message[offset] !== SYNC_STATUS) return send(message);
      void state.all.then((ok) => {
        if (ok) send(message);
      });
    };
    return gate;
  }

  async onChange({ transactionOrigin, update, documentName }: onChangePayload): Promise<void> {
    if (!isTransactionOrigin(transactionOrigin)) return;
    if (transactionOrigin.source === 'connection') return; // logged in beforeSync
    // Applied from another instance through Redis (TONGBAN_REDIS_URL): the instance its editor is connected to logged
    // it, before acknowledging it.
    if (transactionOrigin.source === 'redis') return;
    const local =
      transactionOrigin.source === 'local'
        ? (transactionOrigin.context as Partial<LocalWriteContext> | undefined)
        : undefined;
    if (local?.persistedByCaller) return;
    const documentId = documentIdOf(documentName);
    if (documentId) await this.store.append(documentId, update, local?.userId ?? null);
  }

  /** Hocuspocus calls this debounced after changes and when a document unloads: a good moment to compact. */
  async onStoreDocument({ documentName }: onStoreDocumentPayload): Promise<void> {
    const documentId = documentIdOf(documentName);
    if (!documentId) return;
    if ((await this.store.tailLength(documentId)) < COMPACT_AFTER_UPDATES) return;
    const { folded } = await this.store.compact(documentId);
    this.log.debug({ documentId, folded }, 'compacted document log');
  }
}
