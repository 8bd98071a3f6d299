// 分发 over REST: a 公文's recipient units with their status (and, for its office, the units to send it to), sending
// it, the unit's 收文箱, and the actions on one row (签收, 拒收, 撤回, 重新分发). Shapes come from the server's own
// schemas (type-only imports).
import type { z } from 'zod';
import type { InboxStatus } from '../../../common/officialDocs/distribution.ts';
import type { distributionBody, inboxBody } from '../../../server/routes/officialDocs/distribution.ts';
import { http } from './http.ts';

export type Distribution = z.infer<typeof distributionBody>;
export type DistributionRow = Distribution['items'][number];
export type DistributionOffer = NonNullable<Distribution['offer']>;
export type Inbox = z.infer<typeof inboxBody>;
export type InboxItem = Inbox['items'][number];
export type Recipient = DistributionOffer['prefilled'][number] & { receiverId?: string | null };

const base = '/api/official-documents';
const row = (id: string, verb: string) => `${base}/distributions/${encodeURIComponent(id)}/${verb}`;

export const distributionsApi = {
  of: (officialDocumentId: string) =>
    http.get<Distribution>(`${base}/${encodeURIComponent(officialDocumentId)}/distribution`),
  distribute: (officialDocumentId: string, recipients: Recipient[]) =>
    http.post<{ distributionIds: string[] }>(`${base}/${encodeURIComponent(officialDocumentId)}/distribute`, {
      recipients,
    }),
  inbox: (query: { status?: InboxStatus; page?: number; pageSize?: number }) =>
    http.get<Inbox>(`${base}/inbox`, { query: { ...query } }),
  signFor: (id: string) => http.post<{ officialDocumentId: string }>(row(id, 'sign-for'), {}),
  refuse: (id: string, reason: string) => http.post<{ officialDocumentId: string }>(row(id, 'refuse'), { reason }),
  recall: (id: string) => http.post<{ officialDocumentId: string }>(row(id, 'recall'), {}),
  reissue: (id: string) => http.post<{ officialDocumentId: string }>(row(id, 'reissue'), {}),
};
