// What a handler does on a step: open it, approve with an opinion (审核/会签), return it with a reason (退回), hand it
// to someone else (转办) or add a countersigner (加签); and the sender's withdrawal (撤回).
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { resolveHandlers } from '../../queries/officialDocs/handlerResolver.ts';
import { loadOfficialDoc } from '../../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../../services.ts';
import { givenOpinion, type OpinionInput } from './opinionInput.ts';
import { auditingRefusals } from './refusalAudit.ts';
import { runRouteAction } from './routeAction.ts';

export type StepAction =
  | { action: 'open' }
  | { action: 'approve'; opinion: string; ink?: OpinionInput['ink']; choose?: string[] }
  | { action: 'return'; reason: string; to: number | 'drafter' }
  | { action: 'withdraw' }
  | { action: 'addCountersigner'; userIds: string[] }
  | { action: 'transfer'; toUserId: string };

/** People named on a step must be able to handle a document of its classification. */
async function checkedPeople(svc: Services, ctx: RequestContext, id: string, userIds: string[]): Promise<string[]> {
  const audit = { action: 'officialDoc.name_handlers', resourceType: 'official_document', resourceId: id };
  return auditingRefusals(svc, ctx, audit, async () => {
    const row = await loadOfficialDoc(svc.db, id);
    return resolveHandlers(
      svc.db,
      userIds.map((userId) => ({ userId })),
      row.document.classification,
    );
  });
}

export async function actOnStep(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  input: StepAction,
): Promise<void> {
  switch (input.action) {
    case 'open':
    case 'withdraw':
      await runRouteAction(svc, ctx, subject, id, input);
      return;
    case 'approve': {
      const opinion = await givenOpinion(svc, ctx, id, 'officialDoc.approve', input);
      await runRouteAction(
        svc,
        ctx,
        subject,
        id,
        { action: 'approve', ...(input.choose ? { choose: input.choose } : {}) },
        { opinion: { ...opinion, decision: 'approve' } },
      );
      return;
    }
    case 'return':
      await runRouteAction(svc, ctx, subject, id, input, {
        opinion: { text: input.reason.trim(), decision: 'return' },
      });
      return;
    case 'addCountersigner': {
      const userIds = await checkedPeople(svc, ctx, id, input.userIds);
      await runRouteAction(
        svc,
        ctx,
        subject,
        id,
        { action: 'addCountersigner', userIds },
        {
          also: async () => ({ added: userIds }),
        },
      );
      return;
    }
    case 'transfer': {
      const [toUserId] = await checkedPeople(svc, ctx, id, [input.toUserId]);
      await runRouteAction(
        svc,
        ctx,
        subject,
        id,
        { action: 'transfer', toUserId: toUserId! },
        {
          also: async () => ({ transferredTo: toUserId }),
        },
      );
      return;
    }
  }
}
