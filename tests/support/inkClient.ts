// A headless tablet on an ink document (material annotations, whiteboard): a real HocuspocusProvider over a real
// WebSocket that records every frame the server sent it, so tests can assert on what a client RECEIVED, not only on
// what its document shows.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { collabToken, whenAcked } from './collabClient.ts';
import type { TestClient } from './testApp.ts';

export interface InkTablet {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Every binary frame this client's socket received, in order. */
  frames: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once the server has acknowledged everything this client sent. */
  acked(): Promise<void>;
  /** Whether any received frame contains this text (ids of strokes travel as UTF-8 in Yjs updates). */
  received(text: string): boolean;
  destroy(): void;
}

export async function connectInk(baseUrl: string, client: TestClient, documentId: string): Promise<InkTablet> {
  const { token, documentName } = await collabToken(client, documentId);
  const frames: Uint8Array[] = [];
  class RecordingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: WebSocket.RawData) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        frames.push(new Uint8Array(bytes));
      });
    }
  }
  const doc = new Y.Doc();
  let resolveClosed: (v: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((r) => {
    resolveClosed = r;
  });
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: RecordingWebSocket,
    maxAttempts: 1,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: documentName,
    token,
    document: doc,
    onClose: ({ event }) => resolveClosed({ code: event.code, reason: event.reason }),
  });
  const synced = new Promise<void>((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
      reject(new Error(`authentication failed: ${reason}`)),
    );
  });
  provider.attach();
  await synced;
  return {
    provider,
    doc,
    frames,
    closed,
    acked: () => whenAcked(provider),
    received: (text: string) => {
      const needle = Buffer.from(text, 'utf8');
      return frames.some((f) => Buffer.from(f).includes(needle));
    },
    destroy: () => {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}
