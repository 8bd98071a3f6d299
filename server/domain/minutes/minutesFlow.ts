// The finalisation flow of meeting minutes as a pure state machine: drafting → confirming (read-only; attendees
// confirm or object) → closed (frozen and signed); the minute-taker may reopen confirming or closed minutes for a new
// round. Also the rules on the attendees' answers. Commands ask here before they change anything.

export const MINUTES_STATUSES = ['drafting', 'confirming', 'closed'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const MINUTES_ACTIONS = ['finalise', 'confirm', 'resolve', 'reopen', 'close'] as const;
export type MinutesAction = (typeof MINUTES_ACTIONS)[number];

export const CONFIRMATION_STATES = ['pending', 'confirmed', 'objected'] as const;
export type ConfirmationState = (typeof CONFIRMATION_STATES)[number];

const FROM: Record<MinutesAction, readonly MinutesStatus[]> = {
  finalise: ['drafting'],
  confirm: ['confirming'],
  resolve: ['confirming'],
  reopen: ['confirming', 'closed'],
  close: ['confirming'],
};

const TO: Partial<Record<MinutesAction, MinutesStatus>> = {
  finalise: 'confirming',
  reopen: 'drafting',
  close: 'closed',
};

export function isMinutesStatus(value: string): value is MinutesStatus {
  return (MINUTES_STATUSES as readonly string[]).includes(value);
}

export type FlowResult = { ok: true; to: MinutesStatus } | { ok: false; message: string };

const WORDS: Record<MinutesStatus, string> = {
  drafting: 'being drafted',
  confirming: 'out for confirmation',
  closed: 'closed',
};
const DONE: Record<MinutesAction, string> = {
  finalise: 'finalised',
  confirm: 'confirmed or objected to',
  resolve: 'answered',
  reopen: 'reopened',
  close: 'closed',
};

export function minutesTransition(from: MinutesStatus, action: MinutesAction): FlowResult {
  if (!FROM[action].includes(from))
    return { ok: false, message: `Minutes that are ${WORDS[from]} cannot be ${DONE[action]}` };
  return { ok: true, to: TO[action] ?? from };
}

export interface ConfirmationFacts {
  userId: string;
  state: ConfirmationState;
  resolution: string | null;
}

/** Objections the minute-taker has not answered yet; the host cannot close while there are any. */
export function openObjections<T extends ConfirmationFacts>(confirmations: readonly T[]): T[] {
  return confirmations.filter((c) => c.state === 'objected' && c.resolution === null);
}

export interface Answer {
  decision: 'confirm' | 'object';
  comment: string | null;
}

export type AnswerProblem = 'comment_required' | null;

/** An objection must say what is wrong; a confirmation may carry a remark. */
export function answerProblem(answer: Answer): AnswerProblem {
  return answer.decision === 'object' && !answer.comment?.trim() ? 'comment_required' : null;
}
