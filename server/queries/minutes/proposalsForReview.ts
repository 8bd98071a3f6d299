// Task proposals as a supervisor reviewing them may see them: a proposal from a meeting they are not cleared for
// does not exist for them (and the refusal is audited).
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { Forbidden, NotFound } from '../../errors.ts';
import { authorize, can } from '../../policies/index.ts';

export function authorizeReview(subject: Subject): void {
  if (!can(subject, 'proposal.review'))
    throw new Forbidden('proposal_forbidden', 'Only supervisors (督查室) review task proposals');
}

export async function loadForReview(tx: Tx | Db, subject: Subject, ids: readonly string[]) {
  authorizeReview(subject);
  const rows = await tx.taskProposal.findMany({ where: { id: { in: [...new Set(ids)] } } });
  const byId = new Map(rows.map((r) => [r.id, r] as const));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new NotFound('proposal');
    authorize(subject, 'proposal.review', { kind: 'proposal', id: row.id, classification: row.classification });
    return row;
  });
}
