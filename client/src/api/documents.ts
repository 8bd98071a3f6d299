// Collaborative documents over REST: list and create, settings and shares, the collab token, versions and diffs,
// tracked changes and comment threads. Shapes come from the server's own schemas (type-only imports).
import type { z } from 'zod';
import type {
  createBody,
  diffBody,
  documentBody,
  listQuery,
  shareView,
  suggestionBody,
  threadBody,
  tokenBody,
  versionBody,
} from '../../../server/routes/documents/schema.ts';
import type { Access } from '../../../server/policies/documents.ts';
import type { DocumentKind } from '../../../common/schema/documentKinds.ts';
import type { DocumentStatus, WorkflowAction } from '../../../server/domain/documents/documentWorkflow.ts';
import { http } from './http.ts';
import type { Classification, Ok } from './types.ts';
import { observeServerTime } from './serverClock.ts';

export type { Access, DocumentKind, DocumentStatus, WorkflowAction };
export type DocumentInfo = z.infer<typeof documentBody>;
export type NewDocument = z.input<typeof createBody>;
type ListQuery = z.infer<typeof listQuery>;
export type DocumentScope = ListQuery['scope'];
export type DocumentQuery = Partial<Pick<ListQuery, 'q' | 'kind' | 'status' | 'scope' | 'page' | 'pageSize'>>;
export type Share = z.infer<typeof shareView>;
export type ShareInput = Omit<Share, 'granteeName'>;
export type ShareAccess = Share['access'];
export type CollabToken = z.infer<typeof tokenBody>;
export type Version = z.infer<typeof versionBody>;
export type VersionDiff = z.infer<typeof diffBody>;
export type DiffStatus = VersionDiff['blocks'][number]['status'];
export type Suggestion = z.infer<typeof suggestionBody>;
export type Thread = z.infer<typeof threadBody>;
export type ThreadComment = Thread['comments'][number];

/** Mirrors the server's lists; kept as values because the client needs them at run time. */
export const DOCUMENT_KINDS = ['draft', 'minutes', 'material', 'whiteboard'] as const satisfies readonly DocumentKind[];
export const DOCUMENT_STATUSES = ['editing', 'submitted', 'finalised'] as const satisfies readonly DocumentStatus[];
/** The owner's workflow steps from each status (server/domain/documents/documentWorkflow.ts decides). */
export const WORKFLOW_STEPS: Record<DocumentStatus, WorkflowAction[]> = {
  editing: ['submit', 'finalise'],
  submitted: ['return', 'finalise'],
  finalised: ['reopen'],
};
export const DOCUMENT_SCOPES = ['all', 'mine', 'shared', 'unit', 'recent'] as const satisfies readonly DocumentScope[];
export const SHARE_ACCESS = ['view', 'comment', 'suggest', 'edit'] as const satisfies readonly ShareAccess[];

export interface Decision {
  decision: 'accept' | 'reject';
  ids?: string[];
  authorId?: string;
  all?: true;
}

const base = '/api/documents';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
const thread = (id: string, threadId: string) => `${one(id)}/threads/${encodeURIComponent(threadId)}`;

export const documentsApi = {
  list: (query: DocumentQuery) => http.get<{ items: DocumentInfo[]; total: number }>(base, { query: { ...query } }),
  create: (body: NewDocument) => http.post<DocumentInfo>(base, body),
  get: (id: string) => http.get<DocumentInfo>(one(id)),
  update: (id: string, changes: { title?: string; classification?: Classification; reviewMode?: boolean }) =>
    http.patch<DocumentInfo>(one(id), changes),
  workflow: (id: string, action: WorkflowAction, note: string) =>
    http.post<{ status: string; versionId: string }>(`${one(id)}/workflow`, { action, note }),

  shares: (id: string) => http.get<{ shares: Share[] }>(`${one(id)}/shares`),
  setShares: (id: string, shares: ShareInput[]) => http.put<Ok>(`${one(id)}/shares`, { shares }),

  collabToken: async (id: string) => {
    const grant = await http.post<CollabToken>(`${one(id)}/collab-token`);
    observeServerTime(grant.serverTime);
    return grant;
  },

  versions: (id: string) => http.get<{ items: Version[] }>(`${one(id)}/versions`),
  saveVersion: (id: string, name: string) =>
    http.post<{ id: string; contentHash: string }>(`${one(id)}/versions`, { name }),
  version: (id: string, versionId: string) =>
    http.get<{ id: string; content: Record<string, unknown> }>(`${one(id)}/versions/${encodeURIComponent(versionId)}`),
  restoreVersion: (id: string, versionId: string) =>
    http.post<Ok>(`${one(id)}/versions/${encodeURIComponent(versionId)}/restore`),
  diff: (id: string, from: string, to = 'current') => http.get<VersionDiff>(`${one(id)}/diff`, { query: { from, to } }),

  suggestions: (id: string) => http.get<{ items: Suggestion[] }>(`${one(id)}/suggestions`),
  decide: (id: string, decision: Decision) => http.post<{ decided: number }>(`${one(id)}/suggestions/decide`, decision),
  authors: (id: string) => http.get<{ authors: Record<string, string> }>(`${one(id)}/authors`),

  threads: (id: string) => http.get<{ items: Thread[] }>(`${one(id)}/threads`),
  /** Directory matches who may read the document: the only people a comment on it may mention. */
  mentionCandidates: (id: string, q: string | undefined, limit: number) =>
    http.get<{ items: Array<{ id: string; displayName: string; unitName: string; title: string }> }>(
      `${one(id)}/mention-candidates`,
      { query: { q, limit } },
    ),
  openThread: (id: string, body: { quote: string; body: string; mentions: string[] }) =>
    http.post<{ threadId: string; commentId: string }>(`${one(id)}/threads`, body),
  reply: (id: string, threadId: string, body: { body: string; mentions: string[] }) =>
    http.post<{ commentId: string }>(`${thread(id, threadId)}/comments`, body),
  resolve: (id: string, threadId: string) => http.post<Ok>(`${thread(id, threadId)}/resolve`),
  reopen: (id: string, threadId: string) => http.post<Ok>(`${thread(id, threadId)}/reopen`),
};
