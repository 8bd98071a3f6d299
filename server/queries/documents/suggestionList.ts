// A document's tracked changes (修订) in document order, each with its author's name.
import { rootNodeOf } from '../../domain/documents/documentContent.ts';
import type { Services } from '../../services.ts';
import { listSuggestions, type SuggestionSummary } from '../../../common/review/suggestions.ts';
import { displayNames } from '../users/displayNames.ts';

export async function listDocumentSuggestions(
  svc: Services,
  documentId: string,
): Promise<Array<SuggestionSummary & { authorName: string | null }>> {
  const items = listSuggestions(rootNodeOf(await svc.collab.currentState(documentId)));
  const who = await displayNames(
    svc.db,
    items.map((s) => s.authorId).filter((x): x is string => x !== null),
  );
  return items.map((s) => ({ ...s, authorName: s.authorId ? (who.get(s.authorId) ?? null) : null }));
}
