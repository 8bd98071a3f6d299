// Refuses a minutes step the flow does not allow, as a named error with the flow's reason. Pure.
import { isMinutesStatus, minutesTransition, type MinutesAction, type MinutesStatus } from './minutesFlow.ts';
import { InvalidState } from '../../errors.ts';

/** The status the action leads to, or 409 with the flow's reason. */
export function requireStep(minutes: { status: string }, action: MinutesAction): MinutesStatus {
  if (!isMinutesStatus(minutes.status)) throw new Error(`unknown minutes status ${minutes.status}`);
  const result = minutesTransition(minutes.status, action);
  if (!result.ok) throw new InvalidState(`minutes_${minutes.status}`, result.message);
  return result.to;
}
