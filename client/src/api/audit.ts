// The audit log (audit administrator only).
import { http } from './http.ts';
import type { AuditEvent, ChainVerdict } from './types.ts';

export interface AuditQuery {
  actor?: string;
  action?: string;
  outcome?: 'success' | 'failure';
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditApi = {
  search: (query: AuditQuery) =>
    http.get<{ items: AuditEvent[]; total: number }>('/api/audit', { query: { ...query } }),
  verify: () => http.post<ChainVerdict>('/api/audit/verify'),
};
