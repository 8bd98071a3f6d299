// 签收: a clerk of the recipient unit (or the 函's named receiver) signs for a distributed 公文 while it waits. Once, by
// one person: the revision guard lets exactly one of many simultaneous sign-fors through. In the same transaction the
// 公文 becomes the unit's 收文 (收文登记, incomingRegistration.ts) and the row links to it; the sender hears of it.
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Services } from '../../services.ts';
import { runDistributionAction } from './distributionAction.ts';
import { registerIncomingFromDistribution } from './incomingRegistration.ts';

export async function signForDistribution(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  distributionId: string,
): Promise<{ officialDocumentId: string; incomingDocumentId: string }> {
  let incomingDocumentId = '';
  const done = await runDistributionAction(svc, ctx, subject, distributionId, 'signFor', {
    from: ['pending'],
    conflict: 'distribution_not_pending',
    update: { status: 'signed', signedById: subject.id, signedAt: ctx.at },
    tellSender: 'officialDoc.distribution_signed',
    also: async (tx, row) => {
      ({ officialDocumentId: incomingDocumentId } = await registerIncomingFromDistribution(tx, {
        distributionId: row.id,
        by: subject.id,
        at: ctx.at,
      }));
      return { detail: { incomingDocumentId } };
    },
  });
  return { officialDocumentId: done.officialDocumentId, incomingDocumentId };
}
