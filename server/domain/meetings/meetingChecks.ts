// Refusals the meeting commands and the clash preview share, as named errors: a status change the meeting's flow does
// not allow, and a time range a meeting cannot have. Pure.
import { isMeetingStatus, transition, type MeetingEvent, type MeetingStatus } from './meetingStatus.ts';
import { rangeProblem, type RangeProblem, type TimeRange } from './timeRange.ts';
import { BadRequest, InvalidState } from '../../errors.ts';

export function requireTransition(status: string, event: MeetingEvent): MeetingStatus {
  if (!isMeetingStatus(status)) throw new Error(`unknown meeting status ${status}`);
  const result = transition(status, event);
  if (!result.ok) throw new InvalidState(result.code, result.message);
  return result.to;
}

const RANGE_MESSAGES: Record<RangeProblem, string> = {
  invalid_time: 'The start or the end is not a valid time',
  end_before_start: 'The meeting ends before it starts',
  zero_length: 'The meeting must end after it starts',
  too_long: 'A meeting may last at most three days',
  in_the_past: 'The meeting would start in the past',
};

export function requireValidRange(range: TimeRange, now: Date): void {
  const problem = rangeProblem(range, { now });
  if (problem) throw new BadRequest(problem, RANGE_MESSAGES[problem]);
}
