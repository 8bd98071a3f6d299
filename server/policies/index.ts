// Who may do what: the only place for authorisation rules. HTTP routes, socket.io, collab and media all ask here.
// One registry of every action of every area (can/authorize over a resource, capabilities() listing them), the
// visibility filters lists and counts turn into database filters, and the per-recipient check mayReceive().
import type { Subject } from '../auth/subject.ts';
import { Forbidden, NotFound, type AppError } from '../errors.ts';
import { accountRefusals, accountRules, type UnitResource, type UserResource } from './accounts.ts';
import { addressBookRules } from './addressBook.ts';
import { annotationRules } from './annotations.ts';
import { archiveRules, type ArchiveResource, type ArchiveSourceResource } from './archive.ts';
import { classificationRules, type ClassificationResource } from './classification.ts';
import { concealed, type HiddenObject } from './concealment.ts';
import { distributionRefusals, distributionRules, type DistributionResource } from './distributions.ts';
import { documentRules, type DocumentResource } from './documents.ts';
import { issuingRules } from './issuing.ts';
import { meetingRefusals, meetingRules, type MeetingResource, type RoomResource } from './meetings.ts';
import { meetingMediaRefusals, meetingMediaRules, type LiveMeetingResource } from './meetingMedia.ts';
import { meetingRecordingRules } from './meetingRecordings.ts';
import { minutesRules, type ProposalResource } from './minutes.ts';
import { officialDocAttachmentRules } from './officialDocAttachments.ts';
import {
  officialDocError,
  officialDocRules,
  type IssuingUnitResource,
  type OfficialDocResource,
} from './officialDocs.ts';
import { officialDocTemplateRules, type OfficialDocTemplateResource } from './officialDocTemplates.ts';
import { officialDocTrailRules } from './officialDocTrail.ts';
import { sealRules, type SealResource, type SealUnitResource } from './seals.ts';
import {
  supervisionRules,
  type InstructionResource,
  type TaskBasisResource,
  type TaskResource,
} from './supervision.ts';
import { workspaceRules } from './workspace.ts';

export type {
  ArchiveResource,
  ArchiveSourceResource,
  ClassificationResource,
  DistributionResource,
  DocumentResource,
  InstructionResource,
  IssuingUnitResource,
  LiveMeetingResource,
  SealResource,
  SealUnitResource,
  MeetingResource,
  OfficialDocResource,
  OfficialDocTemplateResource,
  ProposalResource,
  RoomResource,
  TaskBasisResource,
  TaskResource,
  UnitResource,
  UserResource,
};
export { userView, type UserView } from './accounts.ts';
export { archiveVisibility, keepsArchiveOf, type ArchiveVisibility } from './archive.ts';
export { classificationResource } from './classification.ts';
export { concealed, hiddenReason, type HiddenObject } from './concealment.ts';
export { documentResource, documentVisibility, type DocumentVisibility } from './documents.ts';
export { meetingVisibility, plenaryLocked, type MeetingVisibility } from './meetings.ts';
export { mediaJoinDecision, produceAction, type MediaJoinDecision } from './meetingMedia.ts';
export { proposalVisibility, type ProposalVisibility } from './minutes.ts';
export { taskResource, taskVisibility, type TaskVisibility } from './supervision.ts';

export interface SystemResource {
  kind: 'system';
}
export type Resource =
  | SystemResource
  | UserResource
  | UnitResource
  | ClassificationResource
  | DocumentResource
  | MeetingResource
  | RoomResource
  | LiveMeetingResource
  | ProposalResource
  | TaskResource
  | TaskBasisResource
  | InstructionResource
  | OfficialDocResource
  | DistributionResource
  | OfficialDocTemplateResource
  | IssuingUnitResource
  | SealResource
  | SealUnitResource
  | ArchiveResource
  | ArchiveSourceResource;

type Rule = (s: Subject, r: Resource) => boolean;

/** Each action's rule, area by area. */
const RULES = {
  ...accountRules,
  ...addressBookRules,
  ...classificationRules,
  ...documentRules,
  ...meetingRules,
  ...meetingMediaRules,
  ...meetingRecordingRules,
  ...minutesRules,
  ...annotationRules,
  ...supervisionRules,
  ...officialDocRules,
  ...officialDocTemplateRules,
  ...officialDocTrailRules,
  ...officialDocAttachmentRules,
  ...issuingRules,
  ...distributionRules,
  ...sealRules,
  ...workspaceRules,
  ...archiveRules,
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;

/** Every action the registry knows. */
export const ACTIONS = Object.keys(RULES) as Action[];

const documentForbidden = () => new Forbidden('document_forbidden', 'You cannot open this document');

/** How a refusal reads where callers and clients rely on its code; any other action is refused 403 `forbidden`. */
const REFUSALS: { [A in Action]?: (r: Resource) => AppError } = {
  ...accountRefusals,
  ...distributionRefusals,
  ...meetingRefusals,
  ...meetingMediaRefusals,
  'classification.assign': () => new Forbidden('clearance', 'You are not cleared for this classification'),
  'document.create': () => new Forbidden('admin_no_content', 'Administrator accounts do not create documents'),
  'document.view': documentForbidden,
  'document.comment': documentForbidden,
  'document.suggest': documentForbidden,
  'document.edit': documentForbidden,
  'document.manage': documentForbidden,
  'document.workflow': () =>
    new Forbidden('document_forbidden', 'Only the owner moves a document through its workflow'),
  'meeting.arrange': () => new Forbidden('admin_no_content', 'Administrator accounts do not arrange meetings'),
  'meeting.export': () =>
    new Forbidden('classified_export', 'Classified meetings cannot be exported to a calendar file'),
  'minutes.extract': () => new Forbidden('forbidden', 'Administrators do not write minutes'),
  'proposal.review': (r) =>
    r.kind === 'proposal'
      ? new NotFound('proposal')
      : new Forbidden('proposal_forbidden', 'Only supervisors (督查室) review task proposals'),
  'task.create': () => new Forbidden('task_forbidden', 'You may not raise supervision tasks on this basis'),
  'task.recordInstruction': () => new Forbidden('task_forbidden', 'Leaders raise tasks from their own instructions'),
  'supervision.dashboard': () => new Forbidden('forbidden', 'The dashboard is for leaders and supervisors'),
  'seal.manage': () =>
    new Forbidden('seal_forbidden', 'Only the unit’s office manages its seals (只有本单位办公室可以管理印章)'),
  'seal.use': () => new Forbidden('seal_forbidden', 'You may not use this seal (您无权使用该印章)'),
  'issuing.view': () => officialDocError(403, 'issuing_forbidden'),
  'issuing.editMarks': () => officialDocError(403, 'issuing_forbidden'),
  'issuing.assignOffice': () => officialDocError(403, 'issuing_office_forbidden'),
  'officialDoc.viewRegister': () => officialDocError(403, 'number_forbidden'),
  'workspace.use': () =>
    new Forbidden(
      'admin_no_business',
      'Administrator accounts do not use documents, meetings, rooms, minutes or supervision',
    ),
};

export function can(subject: Subject, action: Action, resource: Resource = { kind: 'system' }): boolean {
  return RULES[action](subject, resource);
}

/** How a refusal names an object: the 404 it answers with, its audit resource type and id, its classification. */
export function objectOf(r: Resource): HiddenObject | null {
  switch (r.kind) {
    case 'document':
      return { what: 'document', resourceType: 'document', id: r.doc.id, classification: r.doc.classification };
    case 'meeting':
      return { what: 'meeting', resourceType: 'meeting', id: r.id, classification: r.classification };
    case 'task':
      return { what: 'task', resourceType: 'supervision_task', id: r.facts.id, classification: r.facts.classification };
    case 'archive':
      return { what: 'archive package', resourceType: 'archive_package', id: r.id, classification: r.classification };
    case 'proposal':
      return r.id === undefined
        ? null
        : { what: 'proposal', resourceType: 'task_proposal', id: r.id, classification: r.classification };
    default:
      return null;
  }
}

const READ: Partial<Record<Resource['kind'], Action>> = {
  document: 'document.view',
  meeting: 'meeting.view',
  task: 'task.view',
  proposal: 'proposal.review',
  archive: 'archive.read',
};

/**
 * The object asked about when the subject may not even read it (null when they may, or when it is no object): its
 * existence is then not revealed (the same 404 as a missing one) and the refusal is audited with its id. Nobody acts
 * on an object they may not read; someone who reads it but may not do this gets a 403, which tells them nothing new.
 */
export function hiddenObject(subject: Subject, r: Resource): HiddenObject | null {
  const object = objectOf(r);
  const read = READ[r.kind];
  return object && read && !can(subject, read, r) ? object : null;
}

export function authorize(subject: Subject, action: Action, resource: Resource = { kind: 'system' }): void {
  const hidden = hiddenObject(subject, resource);
  if (hidden) throw concealed(subject, hidden, action);
  if (can(subject, action, resource)) return;
  throw REFUSALS[action]?.(resource) ?? new Forbidden('forbidden', `Not allowed: ${action}`);
}

/** The actions the client may offer this subject (drives the role-aware shell; the server still checks each call). */
export function capabilities(subject: Subject): Action[] {
  return ACTIONS.filter((a) => can(subject, a, { kind: 'system' }));
}

/** A meeting's minutes as the outbound gate asks about them: the meeting, as the recipient sees it. */
export interface MinutesResource {
  kind: 'minutes';
  meeting: MeetingResource;
}

/** An object something may be sent about: a notice, a broadcast, a search hit, an export. */
export type Receivable =
  MeetingResource | MinutesResource | DocumentResource | TaskResource | ProposalResource | OfficialDocResource;

/**
 * Whether this person may read this object now. The outbound gate (notifications, socket.io broadcasts) asks it for
 * each recipient at send time, with the resource built as that recipient sees it (their own seat, their oversight):
 * the same rule as the page that shows the object.
 */
export function mayReceive(subject: Subject, resource: Receivable): boolean {
  switch (resource.kind) {
    case 'meeting':
      return can(subject, 'meeting.view', resource);
    case 'minutes':
      return can(subject, 'minutes.read', resource.meeting);
    case 'document':
      return can(subject, 'document.view', resource);
    case 'task':
      return can(subject, 'task.view', resource);
    case 'proposal':
      return can(subject, 'proposal.review', resource);
    case 'officialDoc':
      return can(subject, 'officialDoc.view', resource);
  }
}
