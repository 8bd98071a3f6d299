// The collaboration server: Hocuspocus composed from one-concern extensions, on the main HTTP server's /collab path.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { Redis } from '@hocuspocus/extension-redis';
import { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { WebSocketServer, type RawData } from 'ws';
import type { CoreServices } from '../server/coreServices.ts';
import { CollabEvents, type CollabEvent } from '../server/scaleOut/collabEvents.ts';
import { collabRedisOptions } from '../server/scaleOut/redis.ts';
import { clientAddress } from '../server/http/clientAddress.ts';
import { CLOSE, DOCUMENT_NAME_PREFIX, type CollabContext, type LocalWriteContext } from './context.ts';
import { AuthenticationExtension } from './extensions/AuthenticationExtension.ts';
import { AuthorshipExtension } from './extensions/AuthorshipExtension.ts';
import { InkValidationExtension } from './extensions/InkValidationExtension.ts';
import { MetricsExtension, newMetrics, type CollabMetrics } from './extensions/MetricsExtension.ts';
import { PersistenceExtension } from './extensions/PersistenceExtension.ts';
import { PresenceExtension } from './extensions/PresenceExtension.ts';
import { ReviewModeExtension } from './extensions/ReviewModeExtension.ts';
import { MAX_UPDATE_BYTES, ValidationExtension } from './extensions/ValidationExtension.ts';
import type { DocumentStore } from './storage/documentStore.ts';
import { openDocumentStore } from './storage/openDocumentStore.ts';

export const COLLAB_PATH = '/collab';

/**
 * Where a browser opens one document: /collab with the document named in the query. The server does not need the
 * name there (the token carries it); a load balancer in front of several instances does, to send every editor of one
 * document to the same instance (deploy/nginx/tongban.conf.template), so their updates reach each other in one process
 * rather than through Redis.
 */
export function collabPathOf(documentId: string): string {
  return `${COLLAB_PATH}?document=${encodeURIComponent(documentId)}`;
}

export class CollabServer {
  readonly hocuspocus: Hocuspocus;
  readonly store: DocumentStore;
  readonly metrics: CollabMetrics = newMetrics();
  private readonly auth: AuthenticationExtension;
  private readonly wss: WebSocketServer;
  /** Documents are kept in step with other instances through Redis (TONGBAN_REDIS_URL). */
  private readonly redis: boolean;
  /** With Redis: session ends and access changes from the other instances, and ours to them. */
  private readonly events: CollabEvents | null;

  constructor(private readonly svc: CoreServices) {
    this.store = openDocumentStore(svc.config, svc.keys.atRest, svc.clock, svc.log);
    this.auth = new AuthenticationExtension(svc);
    // TONGBAN_REDIS_URL: documents open on several instances are kept in step through Redis (each instance logs only
    // the updates of its own connections; PersistenceExtension skips what arrives through Redis).
    const redis = collabRedisOptions(svc.config, svc.log);
    this.redis = redis !== null;
    this.hocuspocus = new Hocuspocus({
      name: 'tongban-collab',
      quiet: true,
      // Durability does not depend on this debounce (updates are logged before they are acknowledged); it only
      // paces compaction.
      debounce: 2_000,
      maxDebounce: 10_000,
      // Deleted content is kept so that versions can be diffed item by item (see history/versionDiff.ts).
      yDocOptions: { gc: false, gcFilter: () => false },
      extensions: [
        this.auth,
        new ValidationExtension(this.metrics),
        new PresenceExtension(),
        new InkValidationExtension(svc.clock, this.metrics),
        new ReviewModeExtension(svc.clock, this.metrics),
        new PersistenceExtension(this.store, this.metrics, svc.log),
        new AuthorshipExtension(),
        new MetricsExtension(this.metrics),
        ...(redis ? [new Redis(redis)] : []),
      ],
    });
    this.wss = new WebSocketServer({ noServer: true, maxPayload: MAX_UPDATE_BYTES + 64 * 1024 });
    this.events = CollabEvents.connect(svc.config, svc.log, (event) => this.applyFromElsewhere(event));
    svc.notifications.onSessionsEnded((ids) => {
      this.closeSessions(ids);
      void this.events?.publish({ kind: 'sessions_ended', sessionIds: ids });
    });
  }

  /** Storage connected (PostgreSQL: its tables there) and, with Redis, the other instances' events heard. */
  async ready(): Promise<void> {
    await this.store.ready();
    await this.events?.ready();
  }

  /** Another instance's session end or access change, applied to this instance's connections. */
  private async applyFromElsewhere(event: CollabEvent): Promise<void> {
    switch (event.kind) {
      case 'sessions_ended':
        this.closeSessions(event.sessionIds);
        return;
      case 'access_changed':
        await this.auth.recheck(`${DOCUMENT_NAME_PREFIX}${event.documentId}`);
        return;
    }
  }

  /** Takes over WebSocket upgrades on /collab; other paths are left to socket.io. */
  attach(httpServer: HttpServer): void {
    httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (req.url ?? '').split('?')[0];
      if (path !== COLLAB_PATH && !path?.startsWith(`${COLLAB_PATH}/`)) return;
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
        const request = new Request(`http://localhost${req.url ?? COLLAB_PATH}`, { headers });
        const client = this.hocuspocus.handleConnection(ws, request, {
          ip: clientAddress(req.socket.remoteAddress, req.headers, this.svc.config.trustProxy),
        });
        ws.on('message', (data: RawData) => {
          const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
          client.handleMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        });
        ws.on('close', (code: number, reason: Buffer) => client.handleClose({ code, reason: reason.toString() }));
        ws.on('error', (err) => this.svc.log.warn({ err }, 'collab socket error'));
      });
    });
  }

  /** The document's current state as one update: the live copy when it is loaded, else storage. */
  async currentState(documentId: string): Promise<Uint8Array> {
    const live = this.hocuspocus.documents.get(`${DOCUMENT_NAME_PREFIX}${documentId}`);
    if (live) return Y.encodeStateAsUpdate(live);
    return (await this.store.load(documentId)).state ?? Y.encodeStateAsUpdate(new Y.Doc());
  }

  /**
   * Changes a document on the server (accept/reject, restore, templates) and returns once the change is durably
   * logged; connected clients receive it like any other update.
   */
  async transact(documentId: string, userId: string, change: (doc: Y.Doc) => void): Promise<void> {
    const context: LocalWriteContext = { persistedByCaller: true, userId };
    const connection = await this.hocuspocus.openDirectConnection(`${DOCUMENT_NAME_PREFIX}${documentId}`, context);
    try {
      const updates: Uint8Array[] = [];
      const doc = connection.document!;
      const capture = (update: Uint8Array) => updates.push(update);
      doc.on('update', capture);
      try {
        await connection.transact((d) => change(d));
      } finally {
        doc.off('update', capture);
      }
      if (updates.length > 0) await this.store.append(documentId, Y.mergeUpdates(updates), userId);
    } finally {
      await connection.disconnect();
    }
  }

  /** Closes every document connection opened by these sessions (sign-out, revoked roles, disabled account). */
  closeSessions(sessionIds: string[]): void {
    const ended = new Set(sessionIds);
    for (const document of this.hocuspocus.documents.values()) {
      for (const connection of document.connections.keys()) {
        const ctx = connection.context as Partial<CollabContext> | undefined;
        if (ctx?.sessionId && ended.has(ctx.sessionId)) connection.close(CLOSE.unauthorized);
      }
    }
  }

  /**
   * Re-evaluates open connections to a document now (after a share, review mode or status change), on this instance
   * and, with Redis, on the others.
   */
  async refreshAccess(documentId: string): Promise<void> {
    await this.auth.recheck(`${DOCUMENT_NAME_PREFIX}${documentId}`);
    await this.events?.publish({ kind: 'access_changed', documentId });
  }

  async close(): Promise<void> {
    this.hocuspocus.closeConnections();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    // With Redis, documents unload a moment after their last connection (the extension lets last syncs through) and
    // then unsubscribe: let them, for a bounded time, before the extension's connections close under them.
    if (this.redis)
      for (let waited = 0; this.hocuspocus.documents.size > 0 && waited < 3_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
    // Extensions let go of what they hold (the Redis extension its connections).
    await this.hocuspocus.hooks('onDestroy', { instance: this.hocuspocus });
    await this.events?.close();
    await this.store.close();
  }
}
