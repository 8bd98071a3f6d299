// Supervision (督查督办) over REST: lists, one task and its lifecycle actions, attachments, statistics, the leader
// dashboard and XLSX exports. Shapes come from the server's own schemas (type-only imports).
import type { z } from 'zod';
import type {
  acceptanceBody,
  capabilitiesBody,
  createBody,
  dashboardBody,
  listQuery,
  personBody,
  statsBody,
  taskDetailBody,
  taskList,
  taskSummary,
} from '../../../server/routes/supervision/schema.ts';
import type { BasisType, Priority, TaskAction, TaskStatus } from '../../../server/domain/supervision/vocabulary.ts';
import { ApiError, http } from './http.ts';

export type { BasisType, Priority, TaskAction, TaskStatus };
export type TaskSummary = z.infer<typeof taskSummary>;
export type TaskList = z.infer<typeof taskList>;
export type TaskDetail = z.infer<typeof taskDetailBody>;
export type TimelineEntry = TaskDetail['timeline'][number];
export type Attachment = TimelineEntry['attachments'][number];
export type NewTask = z.input<typeof createBody>;
export type TaskQuery = Partial<z.input<typeof listQuery>>;
export type Statistics = z.infer<typeof statsBody>;
export type Dashboard = z.infer<typeof dashboardBody>;
export type Capabilities = z.infer<typeof capabilitiesBody>;
export type Person = z.infer<typeof personBody>;
export type AcceptanceDecision = z.input<typeof acceptanceBody>;

/** Mirrors the server's lists; kept as values because the client needs them at run time. */
export const TASK_STATUSES = [
  'pending_sign',
  'in_progress',
  'extension_requested',
  'pending_acceptance',
  'completed',
] as const satisfies readonly TaskStatus[];
export const BASIS_TYPES = [
  'meeting_decision',
  'leader_instruction',
  'upper_document',
  'other',
] as const satisfies readonly BasisType[];
export const PRIORITIES = ['normal', 'urgent', 'critical'] as const satisfies readonly Priority[];

const base = '/api/supervision';
const task = (id: string) => `${base}/tasks/${encodeURIComponent(id)}`;

function toQuery(query: TaskQuery | Record<string, string | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.set(key, String(value));
  }
  return params;
}

export const supervisionApi = {
  capabilities: () => http.get<Capabilities>(`${base}/capabilities`),
  people: (query: { role?: 'supervisor' | 'leader'; unitId?: string }) =>
    http.get<{ items: Person[] }>(`${base}/people`, { query }),
  list: (query: TaskQuery) => http.get<TaskList>(`${base}/tasks?${toQuery(query).toString()}`),
  get: (id: string) => http.get<TaskDetail>(task(id)),
  create: (body: NewTask) => http.post<{ id: string }>(`${base}/tasks`, body),
  sign: (id: string, note = '') => http.post<TaskDetail>(`${task(id)}/sign`, { note }),
  assign: (id: string, body: { ownerId?: string; coOwnerIds?: string[] }) =>
    http.post<TaskDetail>(`${task(id)}/assign`, body),
  progress: (id: string, body: { text: string; percent: number; attachmentIds: string[] }) =>
    http.post<TaskDetail>(`${task(id)}/progress`, body),
  requestExtension: (id: string, body: { reason: string; toDueDate: string }) =>
    http.post<TaskDetail>(`${task(id)}/extension`, body),
  decideExtension: (id: string, body: { approve: boolean; note?: string }) =>
    http.post<TaskDetail>(`${task(id)}/extension/decision`, body),
  requestCoordination: (id: string, body: { difficulty: string; unitIds: string[] }) =>
    http.post<TaskDetail>(`${task(id)}/coordination`, body),
  recordCoordination: (id: string, coordinationId: string, outcome: string) =>
    http.post<TaskDetail>(`${task(id)}/coordination/${encodeURIComponent(coordinationId)}/outcome`, { outcome }),
  submit: (id: string, body: { summary: string; attachmentIds: string[] }) =>
    http.post<TaskDetail>(`${task(id)}/submit`, body),
  decideAcceptance: (id: string, body: AcceptanceDecision) => http.post<TaskDetail>(`${task(id)}/acceptance`, body),
  /** 催办 (the task's supervisors): the message goes to its owner, co-owners and lead-unit handlers. */
  urge: (id: string, message: string) => http.post<TaskDetail>(`${task(id)}/urge`, { message }),
  statistics: (query: { from?: string; to?: string; unitId?: string }) =>
    http.get<Statistics>(`${base}/statistics`, { query }),
  dashboard: () => http.get<Dashboard>(`${base}/dashboard`),
  attachmentUrl: (attachmentId: string) => `${base}/attachments/${encodeURIComponent(attachmentId)}`,
  listExportUrl: (query: TaskQuery) =>
    `${base}/tasks/export?${toQuery({ ...query, page: undefined, pageSize: undefined }).toString()}`,
  statisticsExportUrl: (query: { from?: string; to?: string; unitId?: string }) =>
    `${base}/statistics/export?${toQuery(query).toString()}`,

  /** Uploads one file as multipart/form-data (fetch directly: http.ts speaks JSON), with the session's CSRF token. */
  async upload(id: string, file: File): Promise<{ id: string; kind: string; size: number }> {
    const { csrfToken } = await http.get<{ csrfToken: string }>('/api/auth/session');
    const form = new FormData();
    form.append('file', file, file.name);
    const res = await fetch(`${task(id)}/attachments`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken },
    });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const e = (body ?? {}) as { code?: string; message?: string; details?: unknown };
      throw new ApiError(res.status, e.code ?? 'bad_request', e.message ?? res.statusText, e.details);
    }
    return body as { id: string; kind: string; size: number };
  },
};
