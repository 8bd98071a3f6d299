// 档案 over REST: archive packages (list, detail with files and manifest, zip, verification) and the archivist's
// sealing, 保管期限 and destruction approval.
import type { ArchiveObjectType, Retention } from '../../../common/archive/archive.ts';
import { http } from './http.ts';

export interface ArchivePackage {
  id: string;
  objectType: ArchiveObjectType;
  objectId: string;
  unit: { id: string; name: string };
  year: number;
  kind: string;
  title: string;
  retention: Retention;
  classification: number;
  status: 'queued' | 'built' | 'sealed';
  failure: string | null;
  archiveNumber: string | null;
  manifestSha256: string | null;
  keepUntil: string | null;
  createdAt: string;
  builtAt: string | null;
  sealedAt: string | null;
  destruction: 'listed' | 'approved' | null;
  destructionApprovedAt: string | null;
  destructionReason: string | null;
  manage: boolean;
}

export interface ArchivePackageDetail extends ArchivePackage {
  files: Array<{ path: string; role: string; sha256: string; size: number }>;
  manifest: string | null;
}

export interface ArchiveVerdict {
  ok: boolean;
  checked: number;
  archiveNumber: string | null;
  problems: Array<{ path: string; problem: string }>;
}

export interface ArchiveQuery {
  year?: number | undefined;
  retention?: Retention | undefined;
  status?: string | undefined;
  destruction?: 'listed' | 'approved' | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const one = (id: string) => `/api/archive/packages/${encodeURIComponent(id)}`;

export const archiveApi = {
  list: (query: ArchiveQuery) =>
    http.get<{ items: ArchivePackage[]; total: number }>('/api/archive/packages', { query: { ...query } }),
  get: (id: string) => http.get<ArchivePackageDetail>(one(id)),
  zipUrl: (id: string) => `${one(id)}/zip`,
  verify: (id: string) => http.post<ArchiveVerdict>(`${one(id)}/verify`),
  seal: (id: string) => http.post<{ archiveNumber: string }>(`${one(id)}/seal`),
  setRetention: (id: string, retention: Retention) => http.put<{ ok: true }>(`${one(id)}/retention`, { retention }),
  /** Archive closed minutes (by their document id) or a completed supervision task on demand. */
  request: (objectType: 'minutes' | 'supervision_task', objectId: string) =>
    http.post<{ packageId: string }>('/api/archive/requests', { objectType, objectId }),
  approveDestruction: (id: string, reason: string) =>
    http.post<{ ok: true }>(`${one(id)}/destruction/approve`, { reason }),
};
