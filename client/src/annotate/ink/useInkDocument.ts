// One ink document (a material's shared or private annotations, a whiteboard) open over the collab server: a token,
// a connection kept in memory only (meeting-room tablets are shared devices), and the server's close reasons answered —
// a refused change reopens from the server's copy, an access change reconnects with the new access.
import { useEffect, useRef, useState } from 'react';
import { ApiError, NETWORK_ERROR } from '../../api/http.ts';
import { documentsApi, type Access } from '../../api/documents.ts';
import type { CloseReason } from '../../editor/closeReason.ts';
import { collabUrl, DocumentConnection } from '../../editor/documentConnection.ts';
import { registerInkDocument } from './inkRegistry.ts';

export type InkDocumentState =
  | { phase: 'loading' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'ready'; connection: DocumentConnection; access: Access };

/** After a failed token fetch while the network is down, try again this often. */
const TOKEN_RETRY_MS = 5_000;

export interface InkDocumentEvents {
  /** The server refused a change (the page reopens from the server's copy). */
  onRefused?(reason: Extract<CloseReason, { kind: 'refused' | 'rejected_update' }>): void;
}

export function useInkDocument(documentId: string | null, events: InkDocumentEvents = {}): InkDocumentState {
  const [state, setState] = useState<InkDocumentState>({ phase: 'loading' });
  const [generation, setGeneration] = useState(0);
  // Read when the server refuses something, never a reason to reconnect.
  const eventsRef = useRef(events);
  eventsRef.current = events;

  useEffect(() => {
    if (!documentId) return;
    let cancelled = false;
    let connection: DocumentConnection | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let unregister: () => void = () => undefined;
    setState({ phase: 'loading' });

    const fetchToken = async () => {
      const grant = await documentsApi.collabToken(documentId);
      if (!cancelled)
        setState((s) => (s.phase === 'ready' && s.access !== grant.access ? { ...s, access: grant.access } : s));
      return grant;
    };

    (async () => {
      const grant = await documentsApi.collabToken(documentId);
      if (cancelled) return;
      const conn: DocumentConnection = await DocumentConnection.open({
        url: collabUrl(grant.url),
        documentName: grant.documentName,
        storageKey: null,
        firstGrant: grant,
        fetchToken,
        listener: {
          closed: (reason) => {
            switch (reason.kind) {
              case 'refused':
              case 'rejected_update':
                eventsRef.current.onRefused?.(reason);
                setGeneration((g) => g + 1);
                return;
              case 'access_changed':
                conn.reauthenticate();
                return;
              case 'unauthorized':
                setState({ phase: 'failed', error: new ApiError(403, 'forbidden', reason.kind) });
                conn.destroy();
                return;
            }
          },
          authenticationFailed: (error) => {
            if (error instanceof ApiError && error.code === NETWORK_ERROR)
              retry = setTimeout(() => conn.reauthenticate(), TOKEN_RETRY_MS);
            else if (!cancelled)
              setState({ phase: 'failed', error: error ?? new ApiError(403, 'forbidden', 'authentication failed') });
          },
        },
      });
      if (cancelled) {
        conn.destroy();
        return;
      }
      connection = conn;
      unregister = registerInkDocument(grant.documentName, { doc: conn.doc, pending: () => conn.getState().pending });
      setState({ phase: 'ready', connection: conn, access: grant.access });
    })().catch((err: unknown) => {
      if (!cancelled) setState({ phase: 'failed', error: err });
    });

    return () => {
      cancelled = true;
      if (retry) clearTimeout(retry);
      unregister();
      connection?.destroy();
    };
  }, [documentId, generation]);

  return documentId ? state : { phase: 'loading' };
}
