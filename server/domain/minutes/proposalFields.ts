// A task proposal's fields in their stored form, and the rule that only a pending proposal changes. Pure.
import { InvalidState } from '../../errors.ts';
import type { ProposalContent } from './minutesProposals.ts';

export type ProposalFields = ProposalContent;

/** Refuses a change to a proposal already confirmed, merged or dropped. */
export function requirePending(p: { status: string; title: string }): void {
  if (p.status !== 'pending')
    throw new InvalidState('proposal_not_pending', `The proposal “${p.title.slice(0, 40)}” is already ${p.status}`);
}

/** The columns for a (partial) set of fields. */
export function storedFields(fields: Partial<ProposalFields>) {
  return {
    ...(fields.title !== undefined ? { title: fields.title.trim() } : {}),
    ...(fields.sourceText !== undefined ? { sourceText: fields.sourceText } : {}),
    ...(fields.leadUnits ? { leadUnits: JSON.stringify(fields.leadUnits) } : {}),
    ...(fields.coUnits ? { coUnits: JSON.stringify(fields.coUnits) } : {}),
    ...(fields.owners ? { owners: JSON.stringify(fields.owners) } : {}),
    ...(fields.coOwners ? { coOwners: JSON.stringify(fields.coOwners) } : {}),
    ...(fields.due !== undefined ? { due: fields.due } : {}),
    ...(fields.needsReview !== undefined ? { needsReview: fields.needsReview } : {}),
  };
}
