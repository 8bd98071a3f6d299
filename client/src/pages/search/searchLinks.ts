// The page a search hit opens, by its kind.
import type { SearchHit } from '../../api/search.ts';

const e = encodeURIComponent;

/** The page a hit opens: minutes and materials live on their meeting's pages. */
export function hitLink(hit: Pick<SearchHit, 'kind' | 'id' | 'parentId'>): string {
  switch (hit.kind) {
    case 'officialDoc':
      return `/official-documents/${e(hit.id)}`;
    case 'document':
      return `/documents/${e(hit.id)}`;
    case 'minutes':
      return `/meetings/${e(hit.parentId)}`;
    case 'meeting':
      return `/meetings/${e(hit.id)}`;
    case 'material':
      return `/meetings/${e(hit.parentId)}/annotate?material=${e(hit.id)}`;
    case 'task':
      return `/supervision/tasks/${e(hit.id)}`;
  }
}
