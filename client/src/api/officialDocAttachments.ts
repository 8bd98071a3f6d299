// 公文 attachments (附件), the 发文登记簿 and a unit's issuing setting over REST. Shapes come from the server's own
// schemas (type-only imports).
import type { z } from 'zod';
import type { attachmentsBody } from '../../../server/routes/officialDocs/attachments.ts';
import type { registerBody } from '../../../server/routes/officialDocs/numberRegister.ts';
import type { issuingChangesBody, issuingSettingBody } from '../../../server/routes/units/issuingSetting.ts';
import { http } from './http.ts';

export type AttachmentList = z.infer<typeof attachmentsBody>;
export type Attachment = AttachmentList['items'][number];
export type NumberRegister = z.infer<typeof registerBody>;
export type RegisterEntry = NumberRegister['items'][number];
export type IssuingSetting = z.infer<typeof issuingSettingBody>;
export type IssuingChanges = z.input<typeof issuingChangesBody>;

const doc = (id: string) => `/api/official-documents/${encodeURIComponent(id)}/attachments`;
const one = (id: string, attachmentId: string) => `${doc(id)}/${encodeURIComponent(attachmentId)}`;

export const attachmentsApi = {
  list: (id: string) => http.get<AttachmentList>(doc(id)),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.upload<AttachmentList>(doc(id), form);
  },
  rename: (id: string, attachmentId: string, name: string) =>
    http.patch<AttachmentList>(one(id, attachmentId), { name }),
  order: (id: string, ids: string[]) => http.put<AttachmentList>(`${doc(id)}/order`, { ids }),
  remove: (id: string, attachmentId: string) => http.delete<{ ok: true }>(one(id, attachmentId)),
  contentUrl: (id: string, attachmentId: string) => `${one(id, attachmentId)}/content`,
};

export const registerApi = {
  list: (query: { unitId: string; prefix?: string; year?: number }) =>
    http.get<NumberRegister>('/api/official-documents/numbers', { query: { ...query } }),
  reserve: (unitId: string, note: string) =>
    http.post<{ text: string }>('/api/official-documents/numbers/reserve', { unitId, ...(note ? { note } : {}) }),
  void: (body: { unitId: string; prefix: string; year: number; seq: number; note: string }) =>
    http.post<{ ok: true }>('/api/official-documents/numbers/void', body),
};

export const issuingApi = {
  get: (unitId: string) => http.get<IssuingSetting>(`/api/units/${encodeURIComponent(unitId)}/issuing-setting`),
  put: (unitId: string, changes: IssuingChanges) =>
    http.put<IssuingSetting>(`/api/units/${encodeURIComponent(unitId)}/issuing-setting`, changes),
};
