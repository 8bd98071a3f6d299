// Who may do what: the only place for authorisation rules. HTTP routes, socket.io, collab and media all ask here.
// One registry of every action of every area (can/authorize over a resource, capabilities() listing them), the
// visibility filters lists and counts turn into database filters, and the per-recipient check mayReceive().
import type { Subject } from '../auth/subject.ts';
import { Forbidden, NotFound, type AppError } from '../errors.ts';
import { accountRules, type UnitResource, type UserResource } from './accounts.ts';
import { annotationRules } from './annotations.ts';
import { classificationRules, type ClassificationResource } from './classification.ts';
import { documentRules, type DocumentResource } from './documents.ts';
import { meetingRules, type MeetingResource, type RoomResource } from './meetings.ts';
import { meetingMediaRules, type LiveMeetingResource } from './meetingMedia.ts';
import { minutesRules, type ProposalResource } from './minutes.ts';
import { officialDocRules, type IssuingUnitResource, type OfficialDocResource } from './officialDocs.ts';
import {
import { sealRules, type SealResource, type SealUnitResource } from './seals.ts';
  supervisionRules,
  type InstructionResource,
  type TaskBasisResource,
  type TaskResource,
} from './supervision.ts';
import { workspaceRules } from './workspace.ts';

export type {
  ClassificationResource,
  DocumentResource,
  InstructionResource,
  IssuingUnitResource,
  LiveMeetingResource,
  MeetingResource,
  SealResource,
  SealUnitResource,
  OfficialDocResource,
  ProposalResource,
  RoomResource,
  TaskBasisResource,
  TaskResource,
  UnitResource,
  UserResource,
};
export { userView, type UserView } from './accounts.ts';
export { classificationResource } from './classification.ts';
export { documentResource, documentVisibility, type DocumentVisibility } from './documents.ts';
export { meetingVisibility, type MeetingVisibility } from './meetings.ts';
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
  | IssuingUnitResource
  | SealResource
  | SealUnitResource;

type Rule = (s: Subject, r: Resource) => boolean;

/** Each action's rule, area by area. */
const RULES = {
  ...accountRules,
  ...classificationRules,
  ...documentRules,
  ...meetingRules,
  ...meetingMediaRules,
  ...minutesRules,
  ...annotationRules,
  ...supervisionRules,
  ...officialDocRules,
  ...workspaceRules,
} satisfies Record<string, Rule>;
  ...sealRules,

export type Action = keyof typeof RULES;

/** Every action the registry knows. */
export const ACTIONS = Object.keys(RULES) as Action[];

const documentForbidden = () => new Forbidden('document_forbidden', 'You cannot open this document');

/** How a refusal reads where callers and clients rely on its code; any other action is refused 403 `forbidden`. */
const REFUSALS: { [A in Action]?: (r: Resource) => AppError } = {
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
  // A task one may not see does not exist for them.
  'task.view': () => new NotFound('task'),
  'supervision.dashboard': () => new Forbidden('forbidden', 'The dashboard is for leaders and supervisors'),
  'workspace.use': () =>
  'seal.manage': () =>
    new Forbidden('seal_forbidden', 'Only the unit’s office manages its seals (只有本单位办公室可以管理印章)'),
  'seal.use': () => new Forbidden('seal_forbidden', 'You may not use this seal (您无权使用该印章)'),
    new Forbidden(
      'admin_no_business',
      'Administrator accounts do not use documents, meetings, rooms, minutes or supervision',
    ),
};

export function can(subject: Subject, action: Action, resource: Resource = { kind: 'system' }): boolean {
  return RULES[action](subject, resource);
}

export function authorize(subject: Subject, action: Action, resource: Resource = { kind: 'system' }): void {
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
export type Receivable = MeetingResource | MinutesResource | DocumentResource | TaskResource | ProposalResource;

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
  }
}
