// 拒收: a clerk of the recipient unit (or the 函's named receiver) refuses a distributed 公文 that waits for them, with
// a reason the sender reads; the unit stops reading it, and the sender may send it again (重新分发).
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import type { Services } from '../../services.ts';
import { auditingRefusals } from './refusalAudit.ts';
import { runDistributionAction } from './distributionAction.ts';

export async function refuseDistribution(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  distributionId: string,
  input: { reason: string },
): Promise<{ officialDocumentId: string }> {
  const reason = input.reason.trim();
  if (!reason) {
    const audit = {
      action: 'officialDoc.distribution.refuse',
      resourceType: 'official_document_distribution',
      resourceId: distributionId,
    };
    return auditingRefusals(svc, ctx, audit, () =>
      Promise.reject(officialDocError(400, 'distribution_reason_required')),
    );
  }
  return runDistributionAction(svc, ctx, subject, distributionId, 'refuse', {
    from: ['pending'],
    conflict: 'distribution_not_pending',
    update: { status: 'refused', refusedById: subject.id, refusedAt: ctx.at, refusalReason: reason },
    readersChange: true,
    tellSender: 'officialDoc.distribution_refused',
    reason,
  });
}
