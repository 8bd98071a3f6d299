// 重新分发: after a unit refused a distribution or the office recalled it, the office sends the 公文 to that unit again:
// a new row (pointing at the one it replaces, which stays as history) that waits to be signed for, with its notices.
// A row is reissued once (its reissueOfId is unique), so two reissues at once give one new row.
import type { DistributionRole } from '../../../common/officialDocs/distribution.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import { loadOfficialDoc } from '../../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../../services.ts';
import { runDistributionAction } from './distributionAction.ts';
import { sendToRecipients } from './officialDocDistributor.ts';

export async function reissueDistribution(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  distributionId: string,
): Promise<{ officialDocumentId: string; distributionId: string }> {
  let fresh = '';
  const done = await runDistributionAction(svc, ctx, subject, distributionId, 'reissue', {
    from: ['refused', 'recalled'],
    conflict: 'distribution_not_reissuable',
    update: null,
    also: async (tx, row) => {
      if (await tx.officialDocumentDistribution.count({ where: { reissueOfId: row.id } }))
        throw officialDocError(409, 'distribution_not_reissuable');
      const doc = await loadOfficialDoc(tx, row.officialDocumentId);
      const recipient = { unitId: row.unitId, role: row.role as DistributionRole, receiverId: row.receiverId };
      const sent = await sendToRecipients(tx, svc, doc, [{ ...recipient, reissueOfId: row.id }], {
        userId: subject.id,
        at: ctx.at,
      });
      fresh = sent.ids[0]!;
      return { detail: { reissuedAs: fresh }, notices: sent.notices };
    },
  });
  return { officialDocumentId: done.officialDocumentId, distributionId: fresh };
}
