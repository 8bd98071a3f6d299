// One open document: the Yjs document, its copy in this browser (IndexedDB, so edits made offline survive a reload
// and merge on reconnect) and the Hocuspocus provider. Knows nothing of React; the page listens to its events.
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { parseCloseReason, type CloseReason } from './closeReason.ts';
import { serverNow } from '../api/serverClock.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface TokenGrant {
  token: string;
  expiresAt: string;
}

export interface ConnectionState {
  status: ConnectionStatus;
  /** How many local changes the server has not yet acknowledged. */
  pending: number;
}

export interface ConnectionListener {
  closed(reason: Exclude<CloseReason, { kind: 'disconnected' }>): void;
  /** The token could not be had or was refused; `error` is what the token fetch threw, if it threw. */
  authenticationFailed(error: unknown): void;
}

export interface ConnectionOptions {
  url: string;
  documentName: string;
  /**
   * Where this browser keeps its copy, per person (a tablet in a meeting room is shared); null keeps none, for
   * documents whose classification does not allow unencrypted copies on devices.
   */
  storageKey: string | null;
  firstGrant: TokenGrant;
  /** A fresh token (and, as a side effect, the current access) for every reconnect. */
  fetchToken: () => Promise<TokenGrant>;
  listener: ConnectionListener;
}

/** A token is not reused this close to its expiry: the handshake should not race it. */
const TOKEN_MARGIN_MS = 30_000;

export function collabUrl(path: string): string {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** How long saving a version waits for unacknowledged changes before going ahead with what the server has. */
const ACK_WAIT_MS = 5_000;

/** Opening does not wait longer than this for the browser's copy (IndexedDB can be slow or blocked). */
const LOCAL_COPY_WAIT_MS = 3_000;

export class DocumentConnection {
  readonly provider: HocuspocusProvider;
  private unusedGrant: TokenGrant | null;
  private lastTokenError: unknown = null;
  private destroyed = false;
  // The connection state changes on every keystroke (pending goes up and down): kept here, read by the one component
  // that shows it, so that typing does not re-render the page.
  private state: ConnectionState = { status: 'connecting', pending: 0 };
  private readonly stateListeners = new Set<() => void>();

  /**
   * Loads this browser's copy first, then connects. The other order would send the whole loaded copy to the server as
   * one new update — including the server's own authorship records, which the server takes back from a client only
   * when they match its own — instead of letting the sync handshake send only what the server lacks.
   */
  static async open(options: ConnectionOptions): Promise<DocumentConnection> {
    const doc = new Y.Doc({ gc: false });
    const local = options.storageKey ? new IndexeddbPersistence(options.storageKey, doc) : null;
    if (local) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        local.whenSynced,
        new Promise((resolve) => {
          timer = setTimeout(resolve, LOCAL_COPY_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
    }
    return new DocumentConnection(options, doc, local);
  }

  private constructor(
    private readonly options: ConnectionOptions,
    readonly doc: Y.Doc,
    private readonly local: IndexeddbPersistence | null,
  ) {
    this.unusedGrant = options.firstGrant;
    const { listener } = options;
    this.provider = new HocuspocusProvider({
      url: options.url,
      name: options.documentName,
      document: this.doc,
      token: () => this.token(),
      onStatus: ({ status }) =>
        this.setState({
          status: status === 'connected' ? 'online' : status === 'connecting' ? 'connecting' : 'offline',
        }),
      onUnsyncedChanges: ({ number }) => this.setState({ pending: number }),
      onAuthenticationFailed: () => listener.authenticationFailed(this.lastTokenError),
      onClose: ({ event }) => {
        const reason = parseCloseReason(event.reason);
        if (reason.kind !== 'disconnected' && !this.destroyed) listener.closed(reason);
      },
    });
  }

  /** For useSyncExternalStore: the same object until something changes. */
  readonly getState = (): ConnectionState => this.state;

  readonly subscribe = (onChange: () => void): (() => void) => {
    this.stateListeners.add(onChange);
    return () => this.stateListeners.delete(onChange);
  };

  /**
   * Resolves once the server has acknowledged every local change (or after `timeoutMs`, offline): the server's copy is
   * what a saved version or a workflow step freezes, so the last keystrokes must be in it first.
   */
  acknowledged(timeoutMs = ACK_WAIT_MS): Promise<void> {
    if (this.state.pending === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stateListeners.delete(check);
        resolve();
      };
      const check = () => {
        if (this.state.pending === 0) done();
      };
      const timer = setTimeout(done, timeoutMs);
      this.stateListeners.add(check);
    });
  }

  private setState(change: Partial<ConnectionState>): void {
    const next = { ...this.state, ...change };
    if (next.status === this.state.status && next.pending === this.state.pending) return;
    this.state = next;
    for (const listener of this.stateListeners) listener();
  }

  private async token(): Promise<string> {
    const grant = this.unusedGrant;
    this.unusedGrant = null;
    if (grant && new Date(grant.expiresAt).getTime() - serverNow() > TOKEN_MARGIN_MS) return grant.token;
    try {
      this.lastTokenError = null;
      return (await this.options.fetchToken()).token;
    } catch (err) {
      this.lastTokenError = err;
      throw err;
    }
  }

  /**
   * Opens the document again on the same socket (after an access change, or a failed token fetch): a new token, a
   * new handshake. Not detach/attach: the close message that detaching sends would be queued by the server and
   * replayed onto the new connection, closing it again. While the socket is down, its reconnect does this anyway.
   */
  reauthenticate(): void {
    if (this.destroyed) return;
    const socket = this.provider.configuration.websocketProvider;
    if (socket.status === WebSocketStatus.Connected)
      void this.provider.onOpen(socket.receivedOnOpenPayload ?? new Event('open'));
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.provider.destroy();
    void this.local?.destroy();
    this.doc.destroy();
  }

  /** Drops this browser's copy: the server refused a change it holds, and the server's state is the truth. */
  async discardLocalCopy(): Promise<void> {
    const local = this.local;
    this.destroy();
    await local?.clearData();
  }
}
