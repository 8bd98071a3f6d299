// A headless collaborator: a real HocuspocusProvider over a real WebSocket, editing the Yjs document the way the
// Tiptap editor does (ProseMirror transactions written back into the Y.XmlFragment).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { EditorState } from '@tiptap/pm/state';
import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { documentSchema, DOCUMENT_FIELD } from '../../common/schema/documentSchema.ts';
import { newSuggestionId } from '../../common/schema/suggestionMarks.ts';
import type { TestClient } from './testApp.ts';

export interface Collaborator {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  closed: Promise<{ code: number; reason: string }>;
  text(): string;
  edit(change: (state: EditorState) => EditorState['tr']): void;
  /** `at`: the suggestion's time (ms), as the editor stamps it from the server's clock; real time by default. */
  suggest(userId: string, change: (state: EditorState) => EditorState['tr'], at?: number): void;
  acked(): Promise<void>;
  destroy(): void;
}

export function pmDoc(doc: Y.Doc) {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), documentSchema());
}

export function textOf(doc: Y.Doc): string {
  return pmDoc(doc).textContent;
}

export async function collabToken(
  client: TestClient,
  documentId: string,
): Promise<{ token: string; documentName: string }> {
  const res = await client.post(`/api/documents/${documentId}/collab-token`);
  if (res.statusCode !== 200) throw new Error(`collab token refused: ${res.statusCode} ${res.body}`);
  return res.json() as { token: string; documentName: string };
}

/** Resolves once the server has acknowledged everything this provider sent. */
export function whenAcked(provider: HocuspocusProvider): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!provider.hasUnsyncedChanges) return resolve();
    const check = () => {
      if (!provider.hasUnsyncedChanges) {
        provider.off('unsyncedChanges', check);
        resolve();
      }
    };
    provider.on('unsyncedChanges', check);
  });
}

export async function connectCollaborator(
  baseUrl: string,
  client: TestClient,
  documentId: string,
): Promise<Collaborator> {
  const { token, documentName } = await collabToken(client, documentId);
  const doc = new Y.Doc({ gc: false });
  let resolveClosed: (v: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((r) => {
    resolveClosed = r;
  });
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: documentName,
    token,
    document: doc,
    onClose: ({ event }) => resolveClosed({ code: event.code, reason: event.reason }),
  });
  websocketProvider.on('close', ({ event }: { event: { code: number; reason: string } }) =>
    resolveClosed({ code: event.code, reason: event.reason }),
  );
  const synced = new Promise<void>((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
      reject(new Error(`authentication failed: ${reason}`)),
    );
  });
  provider.attach();
  await synced;
  const schema = documentSchema();
  const apply = (change: (state: EditorState) => EditorState['tr'], suggestAs?: string, at?: number) => {
    const state = EditorState.create({ schema, doc: pmDoc(doc) });
    let tr = change(state);
    if (suggestAs)
      tr = transformToSuggestionTransaction(tr, state, () =>
        newSuggestionId(suggestAs, at ?? Date.now(), Math.random().toString(36).slice(2, 10)),
      );
    const next = state.apply(tr);
    doc.transact(() =>
      updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FIELD), next.doc, { mapping: new Map(), isOMark: new Map() }),
    );
  };
  return {
    provider,
    doc,
    closed,
    text: () => textOf(doc),
    edit: (change) => apply(change),
    suggest: (userId, change, at) => apply(change, userId, at),
    acked: () => whenAcked(provider),
    destroy: () => {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

/** Waits until a condition on the document holds, re-checking on every update (no sleeps). */
export function waitFor(doc: Y.Doc, predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error('condition not met in time'));
    }, timeoutMs);
    const check = () => {
      if (predicate()) {
        clearTimeout(timer);
        doc.off('update', check);
        resolve();
      }
    };
    doc.on('update', check);
  });
}

export function paragraph(text: string) {
  return documentSchema().nodes.paragraph!.create(null, text ? documentSchema().text(text) : undefined);
}

const SYNC_STATUS_MESSAGE = 8;

/**
 * Resolves when the server refuses an update from this provider: Hocuspocus answers every update with a sync status,
 * false when it was not applied (a read-only connection). Subscribe before writing. The handshake's own statuses are
 * true, so only a refusal settles this.
 */
export function updateRefused(provider: HocuspocusProvider): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = ({ event }: { event: MessageEvent }) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== SYNC_STATUS_MESSAGE || decoding.readVarInt(decoder) === 1) return;
      provider.off('message', onMessage);
      resolve();
    };
    provider.on('message', onMessage);
  });
}
