// What the proposal commands share: loading proposals as a supervisor may see them (a proposal from a meeting one is
// not cleared for does not exist for them), refusing changes to ones already decided, checking that picked directory
// entries exist, and the stored form of the structured fields.
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { BadRequest, Forbidden, InvalidState, NotFound } from '../../errors.ts';
import { can } from '../../policies/index.ts';
import { canReviewProposal } from '../../policies/minutes.ts';
import type { ProposalContent } from '../../domain/minutes/minutesProposals.ts';

export type ProposalFields = ProposalContent;

export function authorizeReview(subject: Subject): void {
  if (!can(subject, 'proposal.review')) throw new Forbidden('proposal_forbidden', 'Only supervisors (督查室) review task proposals');
}

export async function loadForReview(tx: Tx, subject: Subject, ids: readonly string[]) {
  authorizeReview(subject);
  const rows = await tx.taskProposal.findMany({ where: { id: { in: [...new Set(ids)] } } });
  const byId = new Map(rows.map((r) => [r.id, r] as const));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row || !canReviewProposal(subject, row.classification)) throw new NotFound('proposal');
    return row;
  });
}

export function requirePending(p: { status: string; title: string }): void {
  if (p.status !== 'pending') throw new InvalidState('proposal_not_pending', `The proposal “${p.title.slice(0, 40)}” is already ${p.status}`);
}

/** Ids picked from the directory must be real; names typed without a match carry a null id. */
export async function checkDirectoryIds(tx: Tx, fields: Partial<ProposalFields>): Promise<void> {
  const unitIds = [...fields.leadUnits ?? [], ...fields.coUnits ?? []].flatMap((u) => (u.unitId ? [u.unitId] : []));
  const userIds = [...fields.owners ?? [], ...fields.coOwners ?? []].flatMap((p) => (p.userId ? [p.userId] : []));
  if (unitIds.length > 0 && (await tx.unit.count({ where: { id: { in: [...new Set(unitIds)] } } })) !== new Set(unitIds).size) {
    throw new BadRequest('unknown_unit', 'A unit picked for the proposal does not exist');
  }
  if (userIds.length > 0 && (await tx.user.count({ where: { id: { in: [...new Set(userIds)] } } })) !== new Set(userIds).size) {
    throw new BadRequest('unknown_user', 'A person picked for the proposal does not exist');
  }
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
