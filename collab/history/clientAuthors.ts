// Who wrote what: the server records, inside each Yjs document, which user each Yjs client id belongs to (learned from
// authenticated connections, never from clients, who cannot write this map). Versions carry it, so a diff can colour
// insertions by author.
import * as Y from 'yjs';

export const CLIENT_AUTHORS_ROOT = 'clientAuthors';

export function clientIdsOf(update: Uint8Array): Set<number> {
  const ids = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) ids.add(struct.id.client);
  return ids;
}

export function authorsMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(CLIENT_AUTHORS_ROOT);
}

/** The client ids in an update that the document does not attribute yet. */
export function unattributed(doc: Y.Doc, update: Uint8Array): number[] {
  const known = authorsMap(doc);
  return [...clientIdsOf(update)].filter((id) => !known.has(String(id)));
}
