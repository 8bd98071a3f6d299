// 撤回: the issuing office takes a distribution back while it still waits to be signed for; the unit stops reading the
// 公文 at once (its open editors too), and the office may send it again (重新分发).
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Services } from '../../services.ts';
import { runDistributionAction } from './distributionAction.ts';

export async function recallDistribution(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  distributionId: string,
): Promise<{ officialDocumentId: string }> {
  return runDistributionAction(svc, ctx, subject, distributionId, 'recall', {
    from: ['pending'],
    conflict: 'distribution_not_pending',
    update: { status: 'recalled', recalledById: subject.id, recalledAt: ctx.at },
    readersChange: true,
  });
}
