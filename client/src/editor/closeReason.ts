// Reads why the collab server closed a document connection. Hocuspocus reports every such close with code 1000 and
// only a reason string, which our server starts with its own code: "4403 suggest_only: …" (see collab/context.ts).

export type CloseReason =
  /** The server refused a change this connection may not make; the local copy holds it and must be discarded. */
  | { kind: 'refused'; rule: RefusalRule; detail: string }
  /** A change the server could not accept at all (malformed or too large); also discard the local copy. */
  | { kind: 'rejected_update'; detail: string }
  /** Shares, review mode or status changed: fetch the document and a token again and reconnect. */
  | { kind: 'access_changed' }
  /** The session ended or the access was withdrawn. */
  | { kind: 'unauthorized' }
  /** The network or the server went away; the provider reconnects by itself. */
  | { kind: 'disconnected' };

export const REFUSAL_RULES = ['suggest_only', 'comment_only', 'read_only'] as const;
export type RefusalRule = (typeof REFUSAL_RULES)[number] | 'other';

const PREFIX = /^(\d{4})\s+([a-z_]+)?:?\s*(.*)$/s;

export function parseCloseReason(reason: string | undefined | null): CloseReason {
  const match = PREFIX.exec(reason ?? '');
  if (!match) return { kind: 'disconnected' };
  const [, code, name = '', detail = ''] = match;
  switch (code) {
    case '4403': {
      const rule = (REFUSAL_RULES as readonly string[]).includes(name) ? (name as RefusalRule) : 'other';
      return { kind: 'refused', rule, detail };
    }
    case '4400':
    case '4413':
      return { kind: 'rejected_update', detail: detail || name };
    case '4409':
      return { kind: 'access_changed' };
    case '4401':
      return { kind: 'unauthorized' };
    default:
      return { kind: 'disconnected' };
  }
}
