// A supervisor merges proposals that are one task (the same work written twice, or a task and its sub-step) into one:
// the first one's title and anchor, every unit and person named by any of them, the earliest deadline. The merged
// ones stay on record, pointing at the result.
import { randomUUID } from 'node:crypto';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { BadRequest } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { contentOfRow } from '../../presenters/taskProposal.ts';
import { loadForReview } from '../../queries/minutes/proposalsForReview.ts';
import { requirePending } from '../../domain/minutes/proposalFields.ts';

export const MAX_MERGED = 20;

function union<T extends { name: string }>(lists: T[][]): T[] {
  const seen = new Map<string, T>();
  for (const item of lists.flat()) if (!seen.has(item.name)) seen.set(item.name, item);
  return [...seen.values()];
}

export async function mergeProposals(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  ids: readonly string[],
): Promise<{ id: string }> {
  const distinct = [...new Set(ids)];
  if (distinct.length < 2 || distinct.length > MAX_MERGED)
    throw new BadRequest('merge_ids', `Merge 2 to ${MAX_MERGED} different proposals`);
  return inTransaction(svc, async (tx) => {
    const rows = await loadForReview(tx, subject, distinct);
    rows.forEach(requirePending);
    if (new Set(rows.map((r) => r.meetingId)).size > 1)
      throw new BadRequest('merge_across_meetings', 'Only proposals from the same minutes can be merged');
    const [first] = rows;
    const fields = rows.map(contentOfRow);
    const leadUnits = union(fields.map((f) => f.leadUnits));
    const dues = fields.flatMap((f) => (f.due ? [f.due] : [])).sort();
    const merged = await tx.taskProposal.create({
      data: {
        meetingId: first!.meetingId,
        minutesDocumentId: first!.minutesDocumentId,
        decisionId: first!.decisionId,
        sourceKey: `merge:${randomUUID()}`,
        origin: 'merged',
        position: Math.min(...rows.map((r) => r.position)),
        classification: Math.max(...rows.map((r) => r.classification)),
        title: first!.title,
        sourceText: fields
          .map((f) => f.sourceText)
          .filter(Boolean)
          .join('\n'),
        leadUnits: JSON.stringify(leadUnits),
        coUnits: JSON.stringify(
          union(fields.map((f) => f.coUnits)).filter((u) => !leadUnits.some((l) => l.name === u.name)),
        ),
        owners: JSON.stringify(union(fields.map((f) => f.owners))),
        coOwners: JSON.stringify(union(fields.map((f) => f.coOwners))),
        due: dues[0] ?? null,
        needsReview: true,
        status: 'pending',
        editedAt: ctx.at,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      },
    });
    await tx.taskProposal.updateMany({
      where: { id: { in: distinct } },
      data: { status: 'merged', parentId: merged.id, editedAt: ctx.at, updatedAt: ctx.at },
    });
    await recordAudit(tx, ctx, {
      action: 'proposal.merge',
      resourceType: 'task_proposal',
      resourceId: merged.id,
      detail: { merged: distinct },
    });
    return { id: merged.id };
  });
}
