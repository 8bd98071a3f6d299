// What the 待办 centre may show a person, as plain facts its queries turn into database filters: the same reasons the
// rules of each object give (公文 handlers and readers, meeting seats, minutes confirmers, the parts played in a
// supervision task), so an item is listed, counted or pushed only when its own page would open for them.
import type { Subject } from '../auth/subject.ts';
import { business, handlesForUnit, isClerk, isSupervisor } from './predicates.ts';

export interface TodoVisibility {
  /** Administrators (三员分立) have no business work and see none. */
  none: boolean;
  userId: string;
  unitId: string;
  clearance: number;
  /** Clerks and leaders sign for their unit's supervision tasks (lead_handler, co_handler). */
  signsForUnit: boolean;
  /** The unit whose distributed 公文 the person signs for as its clerk (distribution.signFor); null when not a clerk. */
  clerkOfUnitId: string | null;
  /** Supervisors accept tasks and decide extensions on the tasks they supervise. */
  supervises: boolean;
}

export function todoVisibility(subject: Subject): TodoVisibility {
  return {
    none: !business(subject),
    userId: subject.id,
    unitId: subject.unitId,
    clearance: subject.clearance,
    signsForUnit: handlesForUnit(subject),
    clerkOfUnitId: isClerk(subject) ? subject.unitId : null,
    supervises: isSupervisor(subject),
  };
}
