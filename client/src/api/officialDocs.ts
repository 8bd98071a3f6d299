// 办文 over REST: the 待办/已办/mine lists, one 公文 with its route, opinion sheet and my actions, drafting, the route
// and step actions, 签发, 编号, 用印, downloads, and checking a sealed PDF. Shapes come from the server's own schemas
// (type-only imports).
import type { z } from 'zod';
import type {
  createBody,
  detailBody,
  listBody,
  listQuery,
  signOffBody,
  stepBody,
  submitBody,
  updateBody,
} from '../../../server/routes/officialDocs/schema.ts';
import type { routeTemplateBody, routeTemplateOfferBody } from '../../../server/routes/officialDocs/routeTemplates.ts';
import type { NewRouteTemplate, RouteTemplateChange } from '../../../server/domain/officialDocs/routeTemplates.ts';
import { http } from './http.ts';

export type OfficialDoc = z.infer<typeof detailBody>;
export type OfficialDocList = z.infer<typeof listBody>;
export type OfficialDocSummary = OfficialDocList['items'][number];
export type OfficialDocQuery = Partial<Pick<z.infer<typeof listQuery>, 'scope' | 'status' | 'page' | 'pageSize'>>;
export type NewOfficialDoc = z.input<typeof createBody>;
export type OfficialDocChanges = z.input<typeof updateBody>;
export type Submission = z.input<typeof submitBody>;
export type StepAction = z.input<typeof stepBody>;
export type RouteStep = OfficialDoc['route']['steps'][number];
export type StepInput = NonNullable<Submission['steps']>[number];
export type HandlerInput = NonNullable<StepInput['handlers']>[number];
export type RouteActionName = OfficialDoc['actions'][number];
export type RouteStatus = OfficialDoc['status'];
export type Opinion = OfficialDoc['opinions'][number];
export type SignOff = z.input<typeof signOffBody>;
export type ExportFormat = 'pdf' | 'docx';
/** A unit's route template (流程模板) as the office keeps it, and one offered for sending a 公文, resolved to people. */
export type RouteTemplate = z.infer<typeof routeTemplateBody>;
export type RouteTemplateOffer = z.infer<typeof routeTemplateOfferBody>;
export type { NewRouteTemplate, RouteTemplateChange };

interface PersonRef {
  id: string;
  name: string;
}

/** One entry of a 公文's timeline (GET /:id/timeline): received, opened, acted, 催办, reminders. */
export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  by: PersonRef | null;
  onBehalfOf: PersonRef | null;
  step: { id: string; name: string } | null;
  opinion: { kind: string; decision: string; text: string } | null;
  status: { from: string; to: string } | null;
  people: PersonRef[];
  message: string | null;
  deadline: string | null;
}

/** One read or download of a 公文 (查阅留痕, GET /:id/access-log). */
export interface AccessLogEntry {
  id: string;
  at: string;
  kind: 'read' | 'download';
  by: PersonRef | null;
  what: string;
  sealed: boolean;
}

/** A unit's 公文 template (公文模板) as the list offers it for drafting. */
export interface OfficialDocTemplate {
  id: string;
  unitId: string;
  kind: NewOfficialDoc['kind'];
  name: string;
  issuerMark: string;
  mainRecipients: string[];
  ccRecipients: string[];
  remark: string;
  disclosure: string;
}

export interface SealVerdict {
  status: 'intact' | 'modified' | 'unknown_seal' | 'unsealed';
  reason: string | null;
  seals: Array<{ sealId: string; unitId: string; unitName: string; sealedAt: string; registered: boolean }>;
}

const base = '/api/official-documents';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const officialDocsApi = {
  list: (query: OfficialDocQuery) => http.get<OfficialDocList>(base, { query: { ...query } }),
  get: (id: string) => http.get<OfficialDoc>(one(id)),
  /** My unit's templates of a 文种, to draft from. */
  templates: (kind: string) => http.get<{ items: OfficialDocTemplate[] }>(`${base}/templates`, { query: { kind } }),
  /** A unit's route templates (mine by default), retired ones too for the office's settings page. */
  routeTemplates: (query: { unitId?: string; includeRetired?: boolean } = {}) =>
    http.get<{ items: RouteTemplate[]; mayManage: boolean }>(`${base}/route-templates`, {
      query: {
        ...(query.unitId ? { unitId: query.unitId } : {}),
        ...(query.includeRetired ? { includeRetired: 'true' } : {}),
      },
    }),
  createRouteTemplate: (body: NewRouteTemplate) => http.post<RouteTemplate>(`${base}/route-templates`, body),
  updateRouteTemplate: (id: string, body: RouteTemplateChange) =>
    http.patch<RouteTemplate>(`${base}/route-templates/${encodeURIComponent(id)}`, body),
  retireRouteTemplate: (id: string) =>
    http.post<RouteTemplate>(`${base}/route-templates/${encodeURIComponent(id)}/retire`),
  /** The route templates this 公文 may be sent with, resolved to people for it (its sender only). */
  routeTemplateOffers: (id: string) => http.get<{ items: RouteTemplateOffer[] }>(`${one(id)}/route-templates`),
  create: (body: NewOfficialDoc) => http.post<OfficialDoc>(base, body),
  update: (id: string, changes: OfficialDocChanges) => http.patch<OfficialDoc>(one(id), changes),
  submit: (id: string, body: Submission) => http.post<OfficialDoc>(`${one(id)}/submit`, body),
  step: (id: string, body: StepAction) => http.post<OfficialDoc>(`${one(id)}/step`, body),
  /** 签发 with a typed opinion, handwriting (手写签批) or both. */
  signOff: (id: string, body: SignOff) => http.post<OfficialDoc>(`${one(id)}/sign-off`, body),
  number: (id: string, reservedSeq?: number) =>
    http.post<OfficialDoc>(`${one(id)}/number`, reservedSeq === undefined ? {} : { reservedSeq }),
  urge: (id: string, message: string) => http.post<{ notified: number }>(`${one(id)}/urge`, { message }),
  timeline: (id: string) => http.get<{ items: TimelineEntry[] }>(`${one(id)}/timeline`),
  accessLog: (id: string) =>
    http.get<{ items: AccessLogEntry[]; total: number }>(`${one(id)}/access-log`, { query: { pageSize: 50 } }),
  seal: (id: string, sealId: string) => http.post<OfficialDoc>(`${one(id)}/seal`, { sealId }),
  exportUrl: (id: string, format: ExportFormat) => `${one(id)}/export?format=${format}`,
  /** The seals of the issuing unit this person holds (what 用印 offers). */
  usableSeals: (unitId: string) =>
    http.get<{ items: Array<{ id: string; name: string }> }>('/api/seals/usable', { query: { unitId } }),
  verify: (file: Blob, name: string) => {
    const form = new FormData();
    form.append('file', file, name);
    return http.upload<SealVerdict>('/api/seals/verify', form);
  },
};

/** Mirrors the server's vocabulary; kept as values because the client needs them at run time. */
export const LIST_SCOPES = ['todo', 'doing', 'done', 'mine'] as const;
export type ListTab = (typeof LIST_SCOPES)[number];

/** Each tab as a list query: 在办 is what I handled that is still on its way. */
export const TAB_QUERIES: Record<ListTab, OfficialDocQuery> = {
  todo: { scope: 'todo' },
  doing: { scope: 'done', status: 'in_route' },
  done: { scope: 'done' },
  mine: { scope: 'mine' },
};
