// Full-text search over REST: one page of hits the caller may open, with the total counted by the same query.
import type { SearchKind, SearchPage } from '../../../common/search/searchApi.ts';
import { http } from './http.ts';

export type { SearchHit, SearchKind, SearchPage, SearchSnippetPart } from '../../../common/search/searchApi.ts';
export { SEARCH_KINDS, SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE } from '../../../common/search/searchApi.ts';

export interface SearchParams {
  q: string;
  kind?: SearchKind | undefined;
  docType?: string | undefined;
  unitId?: string | undefined;
  /** China calendar days, YYYY-MM-DD, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  classification?: number | undefined;
  status?: string | undefined;
  sort?: 'relevance' | 'date' | undefined;
  page?: number | undefined;
}

export const searchApi = {
  search: (params: SearchParams, signal?: AbortSignal) =>
    http.get<SearchPage>('/api/search', { query: { ...params }, signal }),
};
