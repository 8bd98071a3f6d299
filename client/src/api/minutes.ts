// Meeting minutes and their way to supervision tasks over REST: the minutes of a meeting and their confirmation round
// (finalise, confirm or object, resolve, reopen, close, PDF), and the supervisor's task proposals. Shapes come from the
// server's own schemas (type-only imports).
import type { z } from 'zod';
import type { minutesBody, preparedBody } from '../../../server/routes/meetings/minutesSchema.ts';
import type {
  addBody,
  confirmedBody,
  patchBody,
  proposalBody,
} from '../../../server/routes/supervision/proposalsSchema.ts';
import { http } from './http.ts';

export type MinutesInfo = z.infer<typeof minutesBody>;
export type MinutesStatus = MinutesInfo['status'];
export type Confirmation = MinutesInfo['confirmations'][number];
export type ConfirmationState = Confirmation['state'];
export type CloseBlocker = MinutesInfo['me']['closeBlockers'][number];
export type Proposal = z.infer<typeof proposalBody>;
export type ProposalStatus = Proposal['status'];
export type ProposalChanges = z.input<typeof patchBody>;
export type NewProposal = z.input<typeof addBody>;

const meeting = (id: string) => `/api/meetings/${encodeURIComponent(id)}/minutes`;
const proposals = '/api/supervision/proposals';
const proposal = (id: string) => `${proposals}/${encodeURIComponent(id)}`;

export const minutesApi = {
  get: (meetingId: string) => http.get<MinutesInfo>(meeting(meetingId)),
  open: (meetingId: string) => http.post<z.infer<typeof preparedBody>>(meeting(meetingId)),
  finalise: (meetingId: string) => http.post<MinutesInfo>(`${meeting(meetingId)}/finalise`),
  respond: (meetingId: string, decision: 'confirm' | 'object', comment?: string) =>
    http.post<MinutesInfo>(`${meeting(meetingId)}/confirmations`, { decision, ...(comment ? { comment } : {}) }),
  resolve: (meetingId: string, userId: string, resolution: string) =>
    http.post<MinutesInfo>(`${meeting(meetingId)}/objections/${encodeURIComponent(userId)}/resolve`, { resolution }),
  reopen: (meetingId: string, reason: string) => http.post<MinutesInfo>(`${meeting(meetingId)}/reopen`, { reason }),
  close: (meetingId: string) => http.post<MinutesInfo>(`${meeting(meetingId)}/close`),
  pdfUrl: (meetingId: string) => `${meeting(meetingId)}/pdf`,
};

export const proposalsApi = {
  list: (query: { meetingId?: string; status?: ProposalStatus }) =>
    http.get<{ items: Proposal[] }>(proposals, { query: { ...query } }),
  update: (id: string, changes: ProposalChanges) => http.patch<Proposal>(proposal(id), changes),
  add: (body: NewProposal) => http.post<Proposal>(proposals, body),
  split: (id: string, parts: Array<{ title: string; sourceText?: string }>) =>
    http.post<{ items: Proposal[] }>(`${proposal(id)}/split`, { parts }),
  merge: (ids: string[]) => http.post<Proposal>(`${proposals}/merge`, { ids }),
  drop: (id: string) => http.post<Proposal>(`${proposal(id)}/drop`),
  confirm: (ids: string[]) => http.post<z.infer<typeof confirmedBody>>(`${proposals}/confirm`, { ids }),
};
