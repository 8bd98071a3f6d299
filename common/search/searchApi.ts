// What the search API answers, shared by the server and the web client: the kinds of object a hit can be, and a hit
// with its snippet as marked text parts (the client renders them as text, so nothing in a document becomes markup).

export const SEARCH_KINDS = ['officialDoc', 'document', 'minutes', 'meeting', 'material', 'task'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchSnippetPart {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** The object the page of the hit belongs to: the meeting of minutes and materials, else the object itself. */
  parentId: string;
  title: SearchSnippetPart[];
  snippet: SearchSnippetPart[];
  unitId: string;
  unitName: string;
  docType: string | null;
  status: string;
  classification: number;
  date: string;
}

export interface SearchPage {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

/** Hits per page, and the deepest page served: past it, a query must be narrowed with filters. */
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE = 50;
