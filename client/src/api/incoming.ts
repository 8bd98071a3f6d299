// 收文 over REST: register one, the unit's 收文登记簿, the 收文 facts beside a 公文, its scan, 已阅 on a 传阅 step and
// 办结 with the result. Shapes come from the server's own schemas (type-only imports).
import type { z } from 'zod';
import type {
  incomingBody,
  incomingListBody,
  registerBody,
  registeredBody,
} from '../../../server/routes/officialDocs/incoming.ts';
import { http } from './http.ts';

export type Incoming = z.infer<typeof incomingBody>;
export type IncomingList = z.infer<typeof incomingListBody>;
export type NewIncoming = z.input<typeof registerBody>;
export type Registered = z.infer<typeof registeredBody>;

const base = '/api/official-documents';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const incomingApi = {
  register: (body: NewIncoming) => http.post<Registered>(`${base}/incoming`, body),
  list: (page = 1, pageSize = 20) => http.get<IncomingList>(`${base}/incoming`, { query: { page, pageSize } }),
  get: (id: string) => http.get<Incoming>(`${one(id)}/incoming`),
  attachScan: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.put<{ ok: true }>(`${one(id)}/scan`, form);
  },
  scanUrl: (id: string) => `${one(id)}/scan`,
  read: (id: string, note?: string) => http.post<{ ok: true }>(`${one(id)}/read`, note ? { note } : {}),
  finish: (id: string, result: string) => http.post<{ ok: true }>(`${one(id)}/finish`, { result }),
};
