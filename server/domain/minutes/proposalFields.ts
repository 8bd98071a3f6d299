// A task proposal's fields in their stored form, and the rule that only a pending proposal changes. Pure.
import { CONFIDENCE_FIELDS, UNCERTAIN, type ConfidenceField } from '../../../common/minutes/types.ts';
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

/** The stored confidence without the fields a supervisor just set: what they chose is not a guess. */
export function withoutFields(confidence: string, fields: readonly string[]): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(confidence);
  } catch {
    return '{}'; // nothing usable was stored; nothing to keep
  }
  if (typeof parsed !== 'object' || parsed === null) return '{}';
  const kept = Object.entries(parsed as Record<string, unknown>).filter(([k]) => !fields.includes(k));
  return JSON.stringify(Object.fromEntries(kept));
}

/** Pending proposals' fields scored below UNCERTAIN; a field the supervisor changed is no longer scored. */
export function uncertainFields(confidence: string | undefined, status: string): ConfidenceField[] {
  if (status !== 'pending' || !confidence) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(confidence);
  } catch {
    return []; // a malformed column says nothing about the reading
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const scores = parsed as Record<string, unknown>;
  return CONFIDENCE_FIELDS.filter((f) => typeof scores[f] === 'number' && scores[f] < UNCERTAIN);
}
