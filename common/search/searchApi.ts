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
  /** What the person may open among the matches, counted up to SEARCH_COUNT_LIMIT. */
  total: number;
  /** More than SEARCH_COUNT_LIMIT match: `total` is the limit, a lower bound. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

/** Hits per page, and the deepest page served: past it, a query must be narrowed with filters. */
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE = 50;
/**
 * The count stops here: every hit that can be paged to is counted, and a query matching half the archive is not
 * counted row by row (with its read rules) only to say a number nobody pages through.
 */
export const SEARCH_COUNT_LIMIT = SEARCH_PAGE_SIZE * SEARCH_MAX_PAGE;
