// The words of supervision (督查督办): task statuses, the actions people take, the parts they play in a task, the
// bases a task can have and its priorities. Shared by the server, the client and the tests.

/** 待签收 → 办理中 (⇄ 延期待批) → 待验收 → 已办结; a return (退回整改) goes back to 办理中. */
export const TASK_STATUSES = [
  'pending_sign',
  'in_progress',
  'extension_requested',
  'pending_acceptance',
  'completed',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Statuses in which the work is still owed: these are warned about and can be overdue. */
export const OPEN_STATUSES = [
  'pending_sign',
  'in_progress',
  'extension_requested',
] as const satisfies readonly TaskStatus[];

export const TASK_ACTIONS = [
  'sign', // 签收: the lead unit takes the task on
  'co_sign', // a co-unit signs for its part
  'assign', // 分派: a unit hands its part to a person (一级抓一级)
  'report_progress', // 进展报送
  'request_extension', // 申请延期
  'approve_extension',
  'refuse_extension',
  'request_coordination', // 协调申请
  'record_coordination', // the supervisor records the outcome of coordinating
  'submit', // 提请验收 with the evidence
  'accept', // 验收通过 → 已办结
  'return', // 退回整改 with a requirement and a new deadline
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/**
 * The parts a person can play in one task; one person may play several (a unit head who is also the owner).
 * lead_handler and co_handler are the clerks and leaders of the lead unit and of a co-unit; coordinating_handler the
 * clerks and leaders of a unit named in a coordination request (协调), who read the task they are asked to help with.
 */
export const TASK_ROLES = [
  'supervisor',
  'lead_handler',
  'owner',
  'co_owner',
  'lead_member',
  'co_handler',
  'co_member',
  'coordinating_handler',
  'leader_viewer',
  'none',
] as const;
export type TaskRole = (typeof TASK_ROLES)[number];

export const BASIS_TYPES = ['meeting_decision', 'leader_instruction', 'upper_document', 'other'] as const;
export type BasisType = (typeof BASIS_TYPES)[number];

export const PRIORITIES = ['normal', 'urgent', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const EVENT_KINDS = [
  'created',
  'signed',
  'co_signed',
  'assigned',
  'progress',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'coordination_requested',
  'coordination_recorded',
  'submitted',
  'returned',
  'accepted',
  'reminder',
  'overdue',
  'urged', // 催办: the supervisor reminded those who carry the task, with a message
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
