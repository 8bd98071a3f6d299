// Durable persistence: every client update is appended to the document's log and committed BEFORE Hocuspocus applies
// and acknowledges it (beforeSync runs ahead of both), so nothing a client saw acknowledged is lost on kill -9.
// Server-side writes are logged on change; the log is folded into a snapshot in the background.
import type { beforeSyncPayload, Extension, onChangePayload, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import { isTransactionOrigin } from '@hocuspocus/server';
import type { Logger } from 'pino';
import { documentIdOf, type CollabContext, type LocalWriteContext } from '../context.ts';
import { COMPACT_AFTER_UPDATES, type DocumentStore } from '../storage/documentStore.ts';
import type { CollabMetrics } from './MetricsExtension.ts';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

function isEmptyUpdate(update: Uint8Array): boolean {
  // Two zero varints: no structs and an empty delete set — what a client sends when it has nothing new.
  return update.byteLength <= 2 && update.every((b) => b === 0);
}

export class PersistenceExtension implements Extension {
  extensionName = 'Persistence';
  priority = 500;

  constructor(private readonly store: DocumentStore, private readonly metrics: CollabMetrics, private readonly log: Logger) {}

  async onLoadDocument({ documentName }: onLoadDocumentPayload): Promise<Uint8Array | undefined> {
    const documentId = documentIdOf(documentName);
    if (!documentId) throw new Error('unknown document');
    const { state } = await this.store.load(documentId);
    return state ?? undefined;
  }

  async beforeSync({ type, payload, connection, context }: beforeSyncPayload<CollabContext>): Promise<void> {
    if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly || isEmptyUpdate(payload)) return;
    const started = performance.now();
    await this.store.append(context.documentId, payload, context.userId);
    this.metrics.updatesPersisted++;
    this.metrics.bytesPersisted += payload.byteLength;
    this.metrics.persistMsTotal += performance.now() - started;
  }

  async onChange({ transactionOrigin, update, documentName }: onChangePayload): Promise<void> {
    if (!isTransactionOrigin(transactionOrigin)) return;
    if (transactionOrigin.source === 'connection') return; // logged in beforeSync
    const local = transactionOrigin.source === 'local' ? (transactionOrigin.context as Partial<LocalWriteContext> | undefined) : undefined;
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

