// What the collab server knows about a connection once it is authenticated.
import type { Access } from '../server/policies/documents.ts';

export interface CollabContext {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  documentId: string;
  documentKind: string;
  access: Access;
}

/** Server-side writes (accept/reject, restore) persist their own update before answering; onChange must not log them twice. */
export interface LocalWriteContext {
  persistedByCaller: true;
  userId: string;
}

export const DOCUMENT_NAME_PREFIX = 'doc:';

export function documentIdOf(documentName: string): string | null {
  if (!documentName.startsWith(DOCUMENT_NAME_PREFIX)) return null;
  const id = documentName.slice(DOCUMENT_NAME_PREFIX.length);
  return /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

/**
 * Why the server closed a document connection. Hocuspocus multiplexes documents over one WebSocket and tells the
 * provider only a reason string (the code it reports is always 1000), so the reason starts with our code:
 * "4403 suggest_only: …". The client reads that prefix to decide whether to reconnect, reload or explain.
 */
export const CLOSE = {
  unauthorized: { code: 4401, reason: '4401 unauthorized' },
  accessChanged: { code: 4409, reason: '4409 access_changed' },
  malformed: { code: 4400, reason: '4400 malformed_update' },
  tooLarge: { code: 4413, reason: '4413 update_too_large' },
} as const;

/** WebSocket close reasons are limited to 123 bytes of UTF-8; a longer one makes the close itself throw. */
export function closeReason(text: string, maxBytes = 120): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

/** Thrown from a hook to close one connection with an application code and a reason the client can show. */
export class CollabRefusal extends Error {
  readonly reason: string;

  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
    this.reason = closeReason(reason.startsWith(`${code} `) ? reason : `${code} ${reason}`);
    this.name = 'CollabRefusal';
    // A refusal is an answer, not a fault: Hocuspocus prints the errors its hooks throw, and a stack trace would only
    // make an expected refusal look like a crash in the log.
    this.stack = `${this.name}: ${this.reason}`;
  }
}
