// The one catalogue of notifications: every kind Tongban sends and the parameters it carries. Producers on the server
// build their notices from it, the server stores kind + params, and the client and the server both render them in the
// reader's language from the templates in messages.zh-CN.ts / messages.en.ts (mounted in the client's i18n).

/** What a parameter holds, and so how it is stored and written into a message. */
export type ParamType =
  /** The title of the meeting, document or task the notice is about, as written. */
  | 'title'
  /** A short text someone wrote for this notice (a reason, a note, a comment excerpt), as written. */
  | 'text'
  /** Optional text added after the main line (a colon and the text), or nothing when empty. */
  | 'note'
  /** An optional reason ("原因：…。"), or nothing when empty. */
  | 'reason'
  /** A user: the producer gives the id; the display name at send time is stored beside it (never the login name). */
  | 'person'
  /** A calendar date, YYYY-MM-DD. */
  | 'date'
  /** A whole number, written as digits. */
  | 'count'
  /** A number of days ("3天", "3 days"). */
  | 'days'
  /** Minutes before a meeting starts ("1 天", "1 day"). */
  | 'lead'
  /** A meeting's start and end, written on the wall clock of its time zone. */
  | 'when'
  /** Where a meeting takes place: its room, online, or both. */
  | 'place'
  /** Whether the meeting clashes with another of the reader's: a warning, or nothing. */
  | 'clash'
  /** How far off a deadline is: so many days, or today. */
  | 'dueIn'
  /** Days late on submission: a remark, or nothing when on time. */
  | 'lateness'
  /** In which capacity someone answered an objection to the minutes: minute-taker, host or organiser. */
  | 'minutesRole';

export const MEETING_PLACE_MODES = ['in_room', 'online', 'hybrid'] as const;
export const MINUTES_ROLES = ['minute_taker', 'host', 'organiser'] as const;

/** Each parameter type's value as stored (and as the API returns it). */
export interface StoredValues {
  title: string;
  text: string;
  note: string;
  reason: string;
  person: { id: string; name: string };
  date: string;
  count: number;
  days: number;
  lead: number;
  when: { start: string; end: string; timeZone: string };
  place: { mode: (typeof MEETING_PLACE_MODES)[number]; room: { name: string; location: string } | null };
  clash: boolean;
  dueIn: { days: number; deadline: string };
  lateness: number;
  minutesRole: (typeof MINUTES_ROLES)[number];
}

/** Each parameter type's value as a producer gives it: people by user id, times as instants. */
export interface InputValues extends Omit<StoredValues, 'person' | 'when'> {
  person: string;
  when: { start: Date; end: Date; timeZone: string };
}

export const NOTIFICATION_CATALOGUE = {
  'account.roles_changed': {},
  'account.clearance_changed': {},
  'account.mfa_reset': {},
  'account.locked': {},
  'account.password_reset': {},

  'comment.mention': { author: 'person', document: 'title', excerpt: 'text' },
  'comment.reply': { document: 'title', excerpt: 'text' },

  'document.submit': { document: 'title', note: 'text' },
  'document.return': { document: 'title', note: 'text' },
  'document.finalise': { document: 'title', note: 'text' },
  'document.reopen': { document: 'title', note: 'text' },

  'meeting.scheduled': { meeting: 'title', when: 'when', place: 'place', clash: 'clash' },
  'meeting.rescheduled': { meeting: 'title', when: 'when', place: 'place', clash: 'clash' },
  'meeting.updated': { meeting: 'title', when: 'when', place: 'place' },
  'meeting.cancelled': { meeting: 'title', when: 'when', reason: 'reason' },
  'meeting.uninvited': { meeting: 'title', when: 'when' },
  'meeting.substitute': { meeting: 'title', person: 'person', when: 'when', place: 'place', clash: 'clash' },
  'meeting.substitute_released': { meeting: 'title', person: 'person', when: 'when' },
  'meeting.leave_requested': { meeting: 'title', person: 'person', reason: 'text' },
  'meeting.reminder': { meeting: 'title', lead: 'lead', when: 'when', place: 'place' },
  'meeting.rsvp_reminder': { meeting: 'title', lead: 'lead', when: 'when', place: 'place' },

  'minutes.confirm_request': { meeting: 'title' },
  'minutes.reopened': { meeting: 'title', reason: 'reason' },
  'minutes.objection': { meeting: 'title', person: 'person', comment: 'text' },
  'minutes.objection_resolved': { meeting: 'title', resolution: 'text' },
  'minutes.objection_resolved_by_other': {
    meeting: 'title',
    role: 'minutesRole',
    resolver: 'person',
    objector: 'person',
    resolution: 'text',
  },
  'minutes.ready_to_close': { meeting: 'title' },
  'minutes.closed': { meeting: 'title' },
  'minutes.proposals': { meeting: 'title', created: 'count', updated: 'count' },

  'supervision.assigned': { task: 'title', dueDate: 'date' },
  'supervision.co_assigned': { task: 'title', dueDate: 'date' },
  'supervision.assigned_to_you': { task: 'title', dueDate: 'date' },
  'supervision.signed': { task: 'title' },
  'supervision.progress': { task: 'title', percent: 'count' },
  'supervision.submitted': { task: 'title', late: 'lateness' },
  'supervision.accepted': { task: 'title', note: 'note' },
  'supervision.returned': { task: 'title', dueDate: 'date' },
  'supervision.extension_requested': { task: 'title', dueDate: 'date' },
  'supervision.extension_approved': { task: 'title', dueDate: 'date' },
  'supervision.extension_refused': { task: 'title', dueDate: 'date' },
  'supervision.coordination_requested': { task: 'title', difficulty: 'text' },
  'supervision.coordination_recorded': { task: 'title', outcome: 'text' },
  'supervision.overdue': { task: 'title', days: 'days', deadline: 'date' },
  'supervision.due_soon': { task: 'title', due: 'dueIn' },
  'supervision.urged': { task: 'title', person: 'person', message: 'text' },

  'officialDoc.urged': { document: 'title', person: 'person', message: 'text' },
  'officialDoc.due_soon': { document: 'title', step: 'text', due: 'dueIn' },
  'officialDoc.overdue': { document: 'title', step: 'text', days: 'days', deadline: 'date' },
  'officialDoc.distributed': { document: 'title', unit: 'text' },
  'officialDoc.distribution_signed': { document: 'title', unit: 'text', person: 'person' },
  'officialDoc.distribution_refused': { document: 'title', unit: 'text', person: 'person', reason: 'text' },
} as const satisfies Record<string, Record<string, ParamType>>;

/**
 * What each kind of notification is about: the object whose read rule decides who may receive it (server/policies
 * mayReceive, asked for each recipient when the notice is sent). Account notices are about the recipient's own
 * account; a notice to someone just taken off a meeting (uninvited, substitute released) is about the meeting as they
 * saw it from the seat they held.
 */
export const NOTICE_OBJECT_KINDS = [
  'account',
  'document',
  'meeting',
  'formerSeat',
  'minutes',
  'task',
  'proposals',
  'officialDoc',
] as const;
export type NoticeObjectKind = (typeof NOTICE_OBJECT_KINDS)[number];

export type Catalogue = typeof NOTIFICATION_CATALOGUE;
export type NotificationKind = keyof Catalogue;

/** A kind's parameters as stored and returned by the API. */
export type NotificationParams<K extends NotificationKind> = {
  -readonly [P in keyof Catalogue[K]]: StoredValues[Catalogue[K][P] & ParamType];
};

/** A kind's parameters as a producer gives them. */
export type NotificationInput<K extends NotificationKind> = {
  -readonly [P in keyof Catalogue[K]]: InputValues[Catalogue[K][P] & ParamType];
};

export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_CATALOGUE) as NotificationKind[];

/** Each kind's object (see NOTICE_OBJECT_KINDS); a new kind does not compile until it says what it is about. */
export const NOTIFICATION_OBJECTS = {
  'account.roles_changed': 'account',
  'account.clearance_changed': 'account',
  'account.mfa_reset': 'account',
  'account.locked': 'account',
  'account.password_reset': 'account',

  'comment.mention': 'document',
  'comment.reply': 'document',

  'document.submit': 'document',
  'document.return': 'document',
  'document.finalise': 'document',
  'document.reopen': 'document',

  'meeting.scheduled': 'meeting',
  'meeting.rescheduled': 'meeting',
  'meeting.updated': 'meeting',
  'meeting.cancelled': 'meeting',
  'meeting.uninvited': 'formerSeat',
  'meeting.substitute': 'meeting',
  'meeting.substitute_released': 'formerSeat',
  'meeting.leave_requested': 'meeting',
  'meeting.reminder': 'meeting',
  'meeting.rsvp_reminder': 'meeting',

  'minutes.confirm_request': 'minutes',
  'minutes.reopened': 'minutes',
  'minutes.objection': 'minutes',
  'minutes.objection_resolved': 'minutes',
  'minutes.objection_resolved_by_other': 'minutes',
  'minutes.ready_to_close': 'minutes',
  'minutes.closed': 'minutes',
  'minutes.proposals': 'proposals',

  'supervision.assigned': 'task',
  'supervision.co_assigned': 'task',
  'supervision.assigned_to_you': 'task',
  'supervision.signed': 'task',
  'supervision.progress': 'task',
  'supervision.submitted': 'task',
  'supervision.accepted': 'task',
  'supervision.returned': 'task',
  'supervision.extension_requested': 'task',
  'supervision.extension_approved': 'task',
  'supervision.extension_refused': 'task',
  'supervision.coordination_requested': 'task',
  'supervision.coordination_recorded': 'task',
  'supervision.overdue': 'task',
  'supervision.due_soon': 'task',
  'supervision.urged': 'task',

  'officialDoc.urged': 'officialDoc',
  'officialDoc.due_soon': 'officialDoc',
  'officialDoc.overdue': 'officialDoc',
  'officialDoc.distributed': 'officialDoc',
  'officialDoc.distribution_signed': 'officialDoc',
  'officialDoc.distribution_refused': 'officialDoc',
} as const satisfies { [K in NotificationKind]: NoticeObjectKind };

/** The object a kind of notification is about. */
export type NoticeObjectOf<K extends NotificationKind> = (typeof NOTIFICATION_OBJECTS)[K];

/** Every kind with its object kind: for tests that check, kind by kind, that each recipient could read the object. */
export const NOTIFICATION_KIND_OBJECTS = NOTIFICATION_KINDS.map((kind) => [kind, NOTIFICATION_OBJECTS[kind]] as const);

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_CATALOGUE, kind);
}

/** The parameters of a kind with their types, in the catalogue's order. */
export function paramsOf(kind: NotificationKind): Array<[name: string, type: ParamType]> {
  return Object.entries(NOTIFICATION_CATALOGUE[kind]) as Array<[string, ParamType]>;
}

/** The languages notifications are written in; anything else reads zh-CN, the organisation's primary language. */
export const NOTICE_LOCALES = ['zh-CN', 'en'] as const;
export type NoticeLocale = (typeof NOTICE_LOCALES)[number];

export function noticeLocale(value: string | null | undefined): NoticeLocale {
  return value === 'en' ? 'en' : 'zh-CN';
}
