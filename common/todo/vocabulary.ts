// The words of the 待办 centre, shared by the server, the client and the tests: the kinds of work that wait for a
// person, the kinds of what they have done (已办), and one urgency scale across 公文 and supervision.

/**
 * doc_handle: a 公文 step to handle (审核, 会签, 签发, 拟办, 批办, 承办, 办结); doc_read: a 收文 to read (传阅/阅知);
 * doc_sign_for: a document distributed to my unit to sign for (its clerks, or the named receiver); meeting_rsvp: a
 * meeting to answer (参会回执); meeting_sign_in: today's meeting to sign in to; minutes_confirm: minutes to confirm;
 * task_sign / task_report / task_accept / task_approve: a supervision task to sign for (the lead unit or a co-unit),
 * to report progress on (its owner and co-owners), to accept (验收) or whose extension to approve (its supervisor).
 */
export const TODO_KINDS = [
  'doc_handle',
  'doc_read',
  'doc_sign_for',
  'meeting_rsvp',
  'meeting_sign_in',
  'minutes_confirm',
  'task_sign',
  'task_report',
  'task_accept',
  'task_approve',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** What the 已办 history lists: opinions given, sign-fors, replies and sign-ins, confirmations, task actions. */
export const DONE_KINDS = [
  'doc_opinion',
  'doc_sign_for',
  'meeting_rsvp',
  'meeting_sign_in',
  'minutes_confirm',
  'task_action',
] as const;
export type DoneKind = (typeof DONE_KINDS)[number];

/** 公文 紧急程度 (none, 加急, 特急) and task priority (一般, 紧急, 特急) on one scale. */
export const TODO_URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type TodoUrgency = (typeof TODO_URGENCIES)[number];

/** How long the client waits after a notification before it asks for the counts again (a burst asks once). */
export const TODO_REFRESH_DEBOUNCE_MS = 400;
