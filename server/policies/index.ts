// Who may do what: the only place for authorisation rules. HTTP routes, socket.io, collab and media all ask here.
import type { Subject } from '../auth/subject.ts';
import { Forbidden } from '../errors.ts';
import { meetingRules, type MeetingResource, type RoomResource } from './meetings.ts';
import { meetingMediaRules, type LiveMeetingResource } from './meetingMedia.ts';
import { minutesRules } from './minutes.ts';
import { annotationRules } from './annotations.ts';

export type { MeetingResource, RoomResource, LiveMeetingResource };
export { mediaJoinDecision, produceAction, type MediaJoinDecision } from './meetingMedia.ts';

export interface UserResource {
  kind: 'user';
  id: string;
  unitId: string;
}
export interface UnitResource {
  kind: 'unit';
  id: string;
}
export interface SystemResource {
  kind: 'system';
}
export type Resource = UserResource | UnitResource | SystemResource | MeetingResource | RoomResource | LiveMeetingResource;

const isSystemAdmin = (s: Subject) => s.adminRole === 'system';
const isSecurityAdmin = (s: Subject) => s.adminRole === 'security';
const isAuditAdmin = (s: Subject) => s.adminRole === 'audit';
const notSelf = (s: Subject, r: Resource) => r.kind !== 'user' || r.id !== s.id;

type Rule = (s: Subject, r: Resource) => boolean;

/** Each action's rule. Administrators manage accounts; they never act on one another's duties or their own privileges. */
const RULES = {
  // Directory: everyone signed in sees name, unit and title of everyone (needed to invite, mention, assign).
  'user.list': () => true,
  'user.create': (s) => isSystemAdmin(s),
  'user.update': (s) => isSystemAdmin(s),
  'user.disable': (s, r) => isSystemAdmin(s) && notSelf(s, r),
  'user.resetPassword': (s, r) => isSystemAdmin(s) && notSelf(s, r),
  'user.assignRoles': (s, r) => isSecurityAdmin(s) && notSelf(s, r),
  'user.setClearance': (s, r) => isSecurityAdmin(s) && notSelf(s, r),
  'user.unlock': (s, r) => isSecurityAdmin(s) && notSelf(s, r),
  'user.resetMfa': (s, r) => isSecurityAdmin(s) && notSelf(s, r),
  'unit.create': (s) => isSystemAdmin(s),
  'unit.update': (s) => isSystemAdmin(s),
  'audit.read': (s) => isAuditAdmin(s),
  'audit.verify': (s) => isAuditAdmin(s),
  'admin.console': (s) => s.adminRole !== null,
  ...meetingRules,
  ...meetingMediaRules,
  ...minutesRules,
  ...annotationRules,
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;

export function can(subject: Subject, action: Action, resource: Resource = { kind: 'system' }): boolean {
  return RULES[action](subject, resource);
}

export function authorize(subject: Subject, action: Action, resource: Resource = { kind: 'system' }): void {
  if (!can(subject, action, resource)) throw new Forbidden('forbidden', `Not allowed: ${action}`);
}

/**
 * How much of another person's profile a subject may see: administrators who manage accounts see all of it,
 * colleagues in the same unit see contact details, everyone else only the directory fields.
 */
export type UserView = 'full' | 'colleague' | 'directory';

export function userView(subject: Subject, target: UserResource): UserView {
  if (subject.id === target.id || isSystemAdmin(subject) || isSecurityAdmin(subject)) return 'full';
  if (subject.unitId === target.unitId) return 'colleague';
  return 'directory';
}

/** The actions the client may offer this subject (drives the role-aware shell; the server still checks each call). */
export function capabilities(subject: Subject): Action[] {
  return (Object.keys(RULES) as Action[]).filter((a) => can(subject, a, { kind: 'system' }));
}
