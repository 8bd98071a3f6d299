// The drafter sends the 公文 into its route (送审): the steps as named (people, or a role in a unit), or those of one of
// the unit's route templates (流程模板) for its 文种, resolved to people cleared for it; with a template the drafter
// only chooses among the candidates it offers. A 特急 document takes the urgent route unless said otherwise. It must
// pass the format check first, and each step may have a deadline in working days.
import type { Direction } from '../../../common/officialDocs/catalogue.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { routeStepsSchema, type StepInput } from '../../domain/officialDocs/routeTemplates.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import { loadOfficialDoc, type LoadedOfficialDoc } from '../../queries/officialDocs/officialDocFacts.ts';
import { resolvePlan } from '../../queries/officialDocs/routePlanResolver.ts';
import { loadRouteTemplate, storedSteps } from '../../queries/officialDocs/routeTemplates.ts';
import type { Services } from '../../services.ts';
import { refusal } from './inputRefusal.ts';
import { auditingRefusals } from './refusalAudit.ts';
import { runRouteAction } from './routeAction.ts';
import { refuseFormatErrors, saveStepDeadlines } from './submissionChecks.ts';

export type { StepInput } from '../../domain/officialDocs/routeTemplates.ts';

export interface Submission {
  /** The route written out step by step; or: */
  steps?: StepInput[];
  /** a route template of the 公文's unit for its 文种 (or for every 文种), taken as it stands. */
  routeTemplateId?: string;
  urgent?: boolean;
  /** The first step's handlers, when it is chosen by the drafter. */
  choose?: string[];
}

/** The steps to send: the drafter's own, or the template's once it is found to fit the 公文. */
async function stepsOf(db: Db, subject: Subject, row: LoadedOfficialDoc, input: Submission): Promise<StepInput[]> {
  if ((input.steps === undefined) === (input.routeTemplateId === undefined))
    throw officialDocError(400, 'route_template_or_steps');
  if (input.steps) return routeStepsSchema.parse(input.steps);
  const { row: template } = await loadRouteTemplate(db, subject, input.routeTemplateId!);
  if (template.retiredAt) throw refusal(409, 'route_template_retired', null);
  const fits =
    template.unitId === row.unitId &&
    template.direction === row.direction &&
    (template.kind === null || template.kind === row.kind);
  if (!fits) throw officialDocError(400, 'route_template_mismatch');
  return storedSteps(template);
}

export async function submitOfficialDoc(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  input: Submission,
): Promise<void> {
  const audit = { action: 'officialDoc.submit', resourceType: 'official_document', resourceId: id };
  const row = await loadOfficialDoc(svc.db, id);
  const { steps, plan } = await auditingRefusals(svc, ctx, audit, async () => {
    const written = await stepsOf(svc.db, subject, row, input);
    return {
      steps: written,
      plan: await resolvePlan(svc.db, written, row.document.classification, row.direction as Direction),
    };
  });
  await runRouteAction(
    svc,
    ctx,
    subject,
    id,
    {
      action: 'submit',
      plan,
      urgent: input.urgent ?? row.urgency === 'extra_urgent',
      ...(input.choose ? { choose: input.choose } : {}),
    },
    {
      also: async (tx, current) => {
        await refuseFormatErrors(svc, current);
        await saveStepDeadlines(tx, id, steps);
        return input.routeTemplateId ? { routeTemplateId: input.routeTemplateId } : {};
      },
    },
  );
}
