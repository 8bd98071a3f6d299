// Writes the proposals drafted from closed minutes, keyed by where they come from, so closing the same minutes again
// (after a reopen) never makes a second proposal or task: new sources are added; pending proposals the supervisor has
// not touched follow the new text; ones the supervisor edited, confirmed, dropped, split or merged stay as they are;
// untouched pending ones whose source left the minutes are dropped.
import type { Tx } from '../../db/client.ts';
import type { ProposalDraft } from '../../domain/minutes/minutesProposals.ts';

export interface SyncResult {
  created: number;
  updated: number;
  withdrawn: number;
}

export async function syncProposals(
  tx: Tx,
  source: { meetingId: string; documentId: string; classification: number },
  drafts: readonly ProposalDraft[],
  at: Date,
): Promise<SyncResult> {
  const existing = await tx.taskProposal.findMany({ where: { meetingId: source.meetingId } });
  const byKey = new Map(existing.map((p) => [p.sourceKey, p] as const));
  const result: SyncResult = { created: 0, updated: 0, withdrawn: 0 };
  const fields = (d: ProposalDraft) => ({
    title: d.title,
    sourceText: d.sourceText,
    position: d.position,
    decisionId: d.decisionId,
    due: d.due,
    needsReview: d.needsReview,
    confidence: JSON.stringify(d.confidence),
    leadUnits: JSON.stringify(d.leadUnits),
    coUnits: JSON.stringify(d.coUnits),
    owners: JSON.stringify(d.owners),
    coOwners: JSON.stringify(d.coOwners),
    classification: source.classification,
    updatedAt: at,
  });
  for (const d of drafts) {
    const found = byKey.get(d.sourceKey);
    if (!found) {
      await tx.taskProposal.create({
        data: {
          meetingId: source.meetingId,
          minutesDocumentId: source.documentId,
          sourceKey: d.sourceKey,
          origin: d.origin,
          status: 'pending',
          createdAt: at,
          ...fields(d),
        },
      });
      result.created += 1;
    } else if (found.status === 'pending' && found.editedAt === null) {
      await tx.taskProposal.update({ where: { id: found.id }, data: fields(d) });
      result.updated += 1;
    }
  }
  const current = new Set(drafts.map((d) => d.sourceKey));
  const gone = existing.filter(
    (p) =>
      !current.has(p.sourceKey) &&
      p.status === 'pending' &&
      p.editedAt === null &&
      (p.origin === 'decision' || p.origin === 'extracted'),
  );
  if (gone.length > 0) {
    await tx.taskProposal.updateMany({
      where: { id: { in: gone.map((p) => p.id) } },
      data: { status: 'dropped', updatedAt: at },
    });
    result.withdrawn = gone.length;
  }
  return result;
}
