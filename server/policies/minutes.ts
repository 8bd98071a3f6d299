// Meeting minutes (会议纪要) and the task proposals made from them, mounted in the RULES of index.ts. The minute-taker
// writes, finalises and reopens; the host closes; both may answer objections; the people at the table read and
// confirm; supervisors (督查室) review the proposals they are cleared for. When a meeting has no minute-taker or no
// host, its organisers stand in, so no meeting's minutes get stuck.
import type { Subject } from '../auth/subject.ts';
import { manages, onMeeting, organises, seated, takesMinutes, type MeetingRule } from './meetings.ts';
import { business, clearedFor, isClerk, isSupervisor } from './predicates.ts';

/** A task proposal made from minutes, as the rules see it: the classification of the meeting it comes from. */
export interface ProposalResource {
  kind: 'proposal';
  /** Present when one proposal is asked about (a refusal then names it in the audit log). */
  id?: string;
  classification: number;
}

const announced: MeetingRule = (_s, m) => m.status !== 'draft' && m.status !== 'cancelled';
const writesMinutes: MeetingRule = (s, m) => takesMinutes(s, m) || (m.minuteTakerId === null && organises(s, m));
const closesMinutes: MeetingRule = (s, m) => m.hostId === s.id || (m.hostId === null && organises(s, m));

export const minutesRules = {
  /** Open (or create from the template) the minutes of an announced meeting. */
  'minutes.prepare': onMeeting((s, m) => announced(s, m) && (manages(s, m) || takesMinutes(s, m))),
  /** Where the minutes stand, who confirmed, the frozen PDF. */
  'minutes.read': onMeeting((s, m) => manages(s, m) || takesMinutes(s, m) || seated(s, m)),
  /** Finalise, reopen. */
  'minutes.write': onMeeting(writesMinutes),
  /**
   * Answer an attendee's objection: the minute-taker, who wrote the text, and also whoever closes (the host, who signs
   * it and is accountable for it), so closing never waits on a minute-taker who is away. The command audits in which
   * capacity the answer was given and tells the minute-taker when someone else answered.
   */
  'minutes.resolve': onMeeting((s, m) => writesMinutes(s, m) || closesMinutes(s, m)),
  /** Confirm or object (the command also needs a confirmation asked of this person). */
  'minutes.confirm': onMeeting(seated),
  'minutes.close': onMeeting(closesMinutes),
  /** Read what attendees objected and how it was answered: whoever writes, closes or manages (each attendee their own). */
  'minutes.objections.read': onMeeting((s, m) => writesMinutes(s, m) || closesMinutes(s, m) || manages(s, m)),
  /** Pre-fill decision items from the text being written (any business user: administrators write no minutes). */
  'minutes.extract': (s: Subject) => business(s),
  /**
   * The proposals desk: supervisors only; one proposal also needs clearance for the meeting it comes from (asked with
   * a 'proposal' resource; without one, whether the desk is theirs at all).
   */
  'proposal.review': (s: Subject, r: { kind: string }) =>
    isSupervisor(s) && (r.kind !== 'proposal' || clearedFor(s, (r as ProposalResource).classification)),
};

/** A supervisor may see and act on a proposal only with clearance for the meeting it comes from. */
export function canReviewProposal(subject: Subject, classification: number): boolean {
  const proposal: ProposalResource = { kind: 'proposal', classification };
  return minutesRules['proposal.review'](subject, proposal);
}

/**
 * Which proposals the supervisors' review list may show, as plain facts a query turns into a database filter: none
 * but to supervisors, and only from meetings within their clearance.
 */
export interface ProposalVisibility {
  none: boolean;
  clearance: number;
}

export function proposalVisibility(subject: Subject): ProposalVisibility {
  return { none: !isSupervisor(subject), clearance: subject.clearance };
}

/**
 * Whose meetings' minutes a subject may read (the reasons of minutes.read), as plain facts a query turns into a
 * database filter on meetings: classification within clearance, and they created it or are a clerk of its organising
 * unit, host it, take its minutes, or hold a seat at it once it is announced. Administrators read none.
 */
export interface MinutesVisibility {
  none: boolean;
  userId: string;
  unitId: string;
  clearance: number;
  /** Clerks organise every meeting of their unit. */
  organisesUnit: boolean;
}

export function minutesVisibility(s: Subject): MinutesVisibility {
  return { none: !business(s), userId: s.id, unitId: s.unitId, clearance: s.clearance, organisesUnit: isClerk(s) };
}
