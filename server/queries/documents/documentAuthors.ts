// Who wrote in a document: each Yjs client id the document records, with its author's display name.
import * as Y from 'yjs';
import type { Services } from '../../services.ts';
import { authorsMap } from '../../../collab/history/clientAuthors.ts';
import { displayNames } from '../users/displayNames.ts';

export async function documentAuthors(svc: Services, documentId: string): Promise<Record<string, string>> {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, await svc.collab.currentState(documentId));
  const ids = new Set(authorsMap(doc).values());
  doc.destroy();
  return Object.fromEntries(await displayNames(svc.db, ids));
}
