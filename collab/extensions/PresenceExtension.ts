// Binds presence (Yjs awareness) to the authenticated connection, on every document: a state's `user` always names the
// connection's own person, and an awareness client id belongs to the first person who spoke for it. Nobody, read-only
// or not, can appear in the document as someone else or overwrite another person's cursor and signals.
import type { beforeHandleAwarenessPayload, Extension } from '@hocuspocus/server';
import type { CollabContext } from '../context.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The presence of one connection as others see it: what the client says, under the name the server knows. */
export function stampPresence(state: unknown, who: Pick<CollabContext, 'userId' | 'displayName'>): unknown {
  if (!isRecord(state) || !('user' in state)) return state;
  const claimed = isRecord(state.user) ? state.user : {};
  return { ...state, user: { ...claimed, id: who.userId, name: who.displayName } };
}

export class PresenceExtension implements Extension {
  extensionName = 'Presence';
  // After authentication, before the ink rules (850), which shape what an ink document's presence may say.
  priority = 860;
  /** Which user first spoke for each awareness client id, per document. */
  private readonly owners = new WeakMap<object, Map<number, string>>();

  async beforeHandleAwareness({
    states,
    context,
    connection,
    document,
  }: beforeHandleAwarenessPayload<CollabContext>): Promise<void> {
    // Awareness the server sets itself has no connection; a connection without an identity speaks for nobody.
    if (!connection) return;
    if (!context?.userId) {
      states.clear();
      return;
    }
    let owners = this.owners.get(document);
    if (!owners) this.owners.set(document, (owners = new Map()));
    for (const [clientId, state] of [...states]) {
      const owner = owners.get(clientId);
      if (owner !== undefined && owner !== context.userId) {
        states.delete(clientId);
        continue;
      }
      owners.set(clientId, context.userId);
      states.set(clientId, stampPresence(state, context) as Record<string, unknown>);
    }
  }
}
