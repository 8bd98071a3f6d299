// A supervisor splits a proposal that holds several tasks into parts, each with its own title (and text); the parts
// start with the original's units, people and deadline and keep its anchor in the minutes. The original stays on
// record as split.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { BadRequest } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { loadForReview } from '../../queries/minutes/proposalsForReview.ts';
import { requirePending } from '../../domain/minutes/proposalFields.ts';

export const MAX_SPLIT_PARTS = 20;

export interface SplitPart {
  title: string;
  sourceText?: string | undefined;
}

export async function splitProposal(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  parts: readonly SplitPart[],
): Promise<{ ids: string[] }> {
  if (parts.length < 2 || parts.length > MAX_SPLIT_PARTS)
    throw new BadRequest('split_parts', `Split into 2 to ${MAX_SPLIT_PARTS} parts`);
  if (parts.some((p) => !p.title.trim())) throw new BadRequest('split_parts', 'Every part needs a title');
  return inTransaction(svc, async (tx) => {
    const [original] = await loadForReview(tx, subject, [id]);
    requirePending(original!);
    const o = original!;
    const ids: string[] = [];
    for (const [i, part] of parts.entries()) {
      const row = await tx.taskProposal.create({
        data: {
          meetingId: o.meetingId,
          minutesDocumentId: o.minutesDocumentId,
          decisionId: o.decisionId,
          sourceKey: `split:${o.id}:${i + 1}`,
          origin: 'split',
          position: o.position,
          classification: o.classification,
          title: part.title.trim(),
          sourceText: part.sourceText ?? o.sourceText,
          leadUnits: o.leadUnits,
          coUnits: o.coUnits,
          owners: o.owners,
          coOwners: o.coOwners,
          due: o.due,
          needsReview: true,
          status: 'pending',
          parentId: o.id,
          editedAt: ctx.at,
          createdAt: ctx.at,
          updatedAt: ctx.at,
        },
      });
      ids.push(row.id);
    }
    await tx.taskProposal.update({
      where: { id: o.id },
      data: { status: 'split', editedAt: ctx.at, updatedAt: ctx.at },
    });
    await recordAudit(tx, ctx, {
      action: 'proposal.split',
      resourceType: 'task_proposal',
      resourceId: o.id,
      detail: { parts: ids },
    });
    return { ids };
  });
}
