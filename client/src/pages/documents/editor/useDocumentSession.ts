// The life of an open document in the page: loads it with a collab token, keeps the connection, and answers the
// server's close reasons — a refused change reloads the server's copy (dropping this browser's), an access change
// reconnects with the new access, a withdrawn access ends in "no access" (a lost session goes to sign-in).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, NETWORK_ERROR } from '../../../api/http.ts';
import { documentsApi, type DocumentInfo } from '../../../api/documents.ts';
import type { CloseReason } from '../../../editor/closeReason.ts';
import { collabUrl, DocumentConnection } from '../../../editor/documentConnection.ts';
import { editingModeOf, type EditingPolicy } from '../../../editor/editingMode.ts';

export type SessionNotice =
  | { kind: 'refused'; reason: Extract<CloseReason, { kind: 'refused' | 'rejected_update' }> }
  | { kind: 'access_changed'; access: DocumentInfo['access'] };

export type SessionPhase =
  | { phase: 'loading' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'ready'; info: DocumentInfo; connection: DocumentConnection; generation: number };

export interface DocumentSession {
  state: SessionPhase;
  notice: SessionNotice | null;
  dismissNotice(): void;
  policy: { current: EditingPolicy };
  /** Takes over settings the server answered with (after this person changed review mode, say). */
  adoptInfo(info: DocumentInfo): void;
  /** Re-reads the document's settings; false when it can no longer be opened (the page then says why). */
  refreshInfo(): Promise<boolean>;
}

/**
 * Documents a browser may keep a copy of for offline editing. IndexedDB is not encrypted, and classified content is
 * kept encrypted at rest everywhere else; 秘密/机密 documents are edited in memory only (they still merge after a
 * dropped connection, but not after the page is closed).
 */
const LOCAL_COPY_CLASSIFICATIONS: readonly string[] = ['public', 'internal'];

/** After a failed token fetch while the network is down, try again this often. */
const TOKEN_RETRY_MS = 5_000;

const noAccess = (err: unknown) => err instanceof ApiError && (err.status === 403 || err.status === 404);

export function useDocumentSession(documentId: string, userId: string): DocumentSession {
  const [state, setState] = useState<SessionPhase>({ phase: 'loading' });
  const [notice, setNotice] = useState<SessionNotice | null>(null);
  // The workspace installs onHeldBack: it is a passing message there, not a notice of the connection.
  const policy = useRef<EditingPolicy>({ mode: 'read_only', userId, onHeldBack: () => undefined });
  const infoRef = useRef<DocumentInfo | null>(null);
  const [generation, setGeneration] = useState(0);
  // A refused change lives in this browser's copy; the next connection may open only once that copy is gone.
  const discarding = useRef<Promise<void>>(Promise.resolve());

  const adoptInfo = useCallback((info: DocumentInfo) => {
    const previous = infoRef.current;
    infoRef.current = info;
    policy.current.mode = editingModeOf(info.access, info.reviewMode);
    if (previous && previous.access !== info.access) setNotice({ kind: 'access_changed', access: info.access });
    setState((s) => (s.phase === 'ready' ? { ...s, info } : s));
  }, []);

  const refreshInfo = useCallback(async () => {
    try {
      adoptInfo(await documentsApi.get(documentId));
      return true;
    } catch (err) {
      // A 401 has already sent the whole app to sign-in (api/http.ts); anything else ends this page's session.
      if (!(err instanceof ApiError && err.status === 401)) setState({ phase: 'failed', error: err });
      return false;
    }
  }, [adoptInfo, documentId]);

  useEffect(() => {
    let connection: DocumentConnection | null = null;
    let discard = false;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | null = null;

    const fetchToken = async () => {
      const grant = await documentsApi.collabToken(documentId);
      // Every reconnect asks for a token; when the access it reports differs, the editor must follow before syncing.
      if (infoRef.current && grant.access !== infoRef.current.access && !(await refreshInfo()))
        throw new Error('document no longer accessible');
      return grant;
    };

    const onClosed = (conn: DocumentConnection, reason: Exclude<CloseReason, { kind: 'disconnected' }>) => {
      switch (reason.kind) {
        case 'refused':
        case 'rejected_update':
          setNotice({ kind: 'refused', reason });
          discard = true;
          // The editor goes first (it holds the document), then the cleanup below drops the local copy.
          setState({ phase: 'loading' });
          setGeneration((g) => g + 1);
          return;
        case 'access_changed':
        case 'unauthorized':
          void refreshInfo().then((ok) => (ok ? conn.reauthenticate() : conn.destroy()));
          return;
      }
    };

    const onAuthenticationFailed = (conn: DocumentConnection, error: unknown) => {
      if (error instanceof ApiError && error.code === NETWORK_ERROR) {
        retry = setTimeout(() => conn.reauthenticate(), TOKEN_RETRY_MS);
        return;
      }
      if (noAccess(error)) setState({ phase: 'failed', error });
      else void refreshInfo().then((ok) => (ok ? conn.reauthenticate() : conn.destroy()));
    };

    (async () => {
      await discarding.current;
      const [info, grant] = await Promise.all([documentsApi.get(documentId), documentsApi.collabToken(documentId)]);
      if (cancelled) return;
      infoRef.current = info;
      policy.current.mode = editingModeOf(info.access, info.reviewMode);
      policy.current.userId = userId;
      const conn: DocumentConnection = await DocumentConnection.open({
        url: collabUrl(grant.url),
        documentName: grant.documentName,
        storageKey: LOCAL_COPY_CLASSIFICATIONS.includes(info.classification)
          ? `tongban:${userId}:${grant.documentName}`
          : null,
        firstGrant: grant,
        fetchToken,
        listener: {
          closed: (reason) => onClosed(conn, reason),
          authenticationFailed: (error) => onAuthenticationFailed(conn, error),
        },
      });
      if (cancelled) {
        conn.destroy();
        return;
      }
      connection = conn;
      setState({ phase: 'ready', info, connection: conn, generation });
    })().catch((err: unknown) => {
      if (!cancelled) setState({ phase: 'failed', error: err });
    });

    return () => {
      cancelled = true;
      if (retry) clearTimeout(retry);
      if (connection && discard) discarding.current = connection.discardLocalCopy();
      else connection?.destroy();
    };
  }, [documentId, userId, generation, refreshInfo]);

  const dismissNotice = useCallback(() => setNotice(null), []);
  return { state, notice, dismissNotice, policy, adoptInfo, refreshInfo };
}
