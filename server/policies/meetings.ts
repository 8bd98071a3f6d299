// Meeting, room and material rules, mounted in the RULES of index.ts (the one place authorisation lives). A person
// sees a meeting only with clearance for its classification and a reason: they organise it (its creator, or a clerk
// of the organising unit), host it, take its minutes, hold a seat at it, or belong to the organising unit.
// Administrators (三员分立) hold no business role and see no meetings.
import type { Subject } from '../auth/subject.ts';
import { Forbidden, InvalidState, type AppError } from '../errors.ts';
import { business, clearedFor, isClerk, isLeader } from './predicates.ts';

/** What the rules need to know about a meeting, from the point of view of one subject. */
export interface MeetingResource {
  kind: 'meeting';
  id: string;
  status: string;
  organiserUnitId: string;
  classification: number;
  createdById: string;
  hostId: string | null;
  minuteTakerId: string | null;
  /** The subject's own seat, if they have one. */
  seat: { role: string } | null;
  /** The subject presents at least one agenda item. */
  presenting: boolean;
}

export interface RoomResource {
  kind: 'room';
  id: string;
}

export const cleared = (s: Subject, m: MeetingResource) => clearedFor(s, m.classification);
export const organises = (s: Subject, m: MeetingResource) =>
  m.createdById === s.id || (m.organiserUnitId === s.unitId && isClerk(s));
export const hosts = (s: Subject, m: MeetingResource) => m.hostId === s.id;
export const takesMinutes = (s: Subject, m: MeetingResource) => m.minuteTakerId === s.id;
// Participants learn of a meeting when it is announced; a draft is the organisers' business.
export const seated = (s: Subject, m: MeetingResource) => m.seat !== null && m.status !== 'draft';
const ofOrganisingUnit = (s: Subject, m: MeetingResource) => m.organiserUnitId === s.unitId && m.status !== 'draft';

export type MeetingRule = (s: Subject, m: MeetingResource) => boolean;

export const onMeeting = (rule: MeetingRule) => (s: Subject, r: { kind: string }) =>
  r.kind === 'meeting' && business(s) && cleared(s, r as MeetingResource) && rule(s, r as MeetingResource);

export const manages: MeetingRule = (s, m) => organises(s, m) || hosts(s, m);

const views: MeetingRule = (s, m) => manages(s, m) || takesMinutes(s, m) || seated(s, m) || ofOrganisingUnit(s, m);

/**
 * Before the meeting starts: its online room is set up for a plenary (routers on every worker, a door count) or an
 * ordinary meeting when the first person joins, so what kind of meeting it is is settled by then.
 */
const PLENARY_CHANGEABLE = new Set(['draft', 'scheduled']);

/** 秘密 and 机密 meetings stay inside the system: no calendar files that end up on phones and mail servers. */
export const MAX_EXPORT_CLASSIFICATION = 1;

export const meetingRules = {
  // Clerks arrange meetings; leaders may call their own.
  'meeting.create': (s: Subject) => isClerk(s) || isLeader(s),
  /**
   * Hold a meeting's arrangements at all, whoever calls the scheduling command (administrators arrange nothing);
   * meeting.create says who starts one from the calendar.
   */
  'meeting.arrange': (s: Subject) => business(s),
  'meeting.view': onMeeting(views),
  /** Take it away as an .ics file: whoever sees it, for 公开 and 内部 meetings only. */
  'meeting.export': onMeeting((s, m) => views(s, m) && m.classification <= MAX_EXPORT_CLASSIFICATION),
  /** Edit, reschedule, cancel, invite, agenda, passcode, reply lists. */
  'meeting.manage': onMeeting(manages),
  /** Make it a plenary (全体会议/宣讲会) or an ordinary meeting again: its managers, before it starts. */
  'meeting.plenary.change': onMeeting((s, m) => manages(s, m) && PLENARY_CHANGEABLE.has(m.status)),
  /** Start and end it, show the sign-in code, see who is present. */
  'meeting.run': onMeeting((s, m) => manages(s, m) || takesMinutes(s, m)),
  'meeting.reply': onMeeting(seated),
  'meeting.signIn': onMeeting(seated),
  /** Materials are for the people at the table, not for everyone in the organising unit. */
  'meeting.material.read': onMeeting((s, m) => manages(s, m) || takesMinutes(s, m) || seated(s, m)),
  'meeting.material.upload': onMeeting((s, m) => manages(s, m) || (m.presenting && m.status !== 'draft')),
  'room.list': (s: Subject) => business(s),
  'room.manage': (s: Subject) => isClerk(s),
};

/** A plenary setting that may no longer change, in both languages (the meeting started, is live or is over). */
export function plenaryLocked(): AppError {
  return new InvalidState(
    'plenary_locked',
    'Whether the meeting is a plenary can only change before it starts (会议开始后不能再更改是否为全体会议)',
  );
}

export const meetingRefusals = {
  'meeting.plenary.change': (r: { kind: string }): AppError =>
    r.kind === 'meeting' && !PLENARY_CHANGEABLE.has((r as MeetingResource).status)
      ? plenaryLocked()
      : new Forbidden('forbidden', 'Only the organisers and the host change this (只有会议组织者和主持人可以更改)'),
};

export type JoinDecision = 'admit' | 'lobby' | 'refuse';

/**
 * Who may join the online part of a meeting: its people straight in; other signed-in colleagues cleared for it wait in
 * the lobby (after the passcode) until the host admits them; nobody else.
 */
export function joinDecision(s: Subject, m: MeetingResource): JoinDecision {
  if (!business(s) || !cleared(s, m)) return 'refuse';
  if (manages(s, m) || takesMinutes(s, m) || seated(s, m)) return 'admit';
  return 'lobby';
}

/**
 * Which meetings a calendar list may show the subject, as plain facts a query turns into a database filter (the same
 * reasons as meeting.view; the list still asks meeting.view of each row for the draft and status details):
 * classification within clearance, and a reason from the list's scope. Administrators see none.
 */
export interface MeetingVisibility {
  none: boolean;
  userId: string;
  unitId: string;
  clearance: number;
  /** Clerks organise every meeting of their unit. */
  organisesUnit: boolean;
}

export function meetingVisibility(s: Subject): MeetingVisibility {
  return { none: !business(s), userId: s.id, unitId: s.unitId, clearance: s.clearance, organisesUnit: isClerk(s) };
}
