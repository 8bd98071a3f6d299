// The drafter sends the 公文 into its route (送审): the steps as named (people, or a role in a unit), resolved to
// people cleared for it; a 特急 document takes the urgent route unless said otherwise. It must pass the format check
// first, and each step may have a deadline in working days.
import type { OpinionKind } from '../../../common/officialDocs/catalogue.ts';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { ParallelMode, StepKind, StepPlan } from '../../domain/officialDocs/vocabulary.ts';
import { resolveHandlers, type HandlerSpec } from '../../queries/officialDocs/handlerResolver.ts';
import { loadOfficialDoc } from '../../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../../services.ts';
import { auditingRefusals } from './refusalAudit.ts';
import { runRouteAction } from './routeAction.ts';
import { refuseFormatErrors, saveStepDeadlines } from './submissionChecks.ts';

export interface StepInput {
  id: string;
  name: string;
  kind: StepKind;
  mode?: ParallelMode;
  /** Defaults to 会签 on a parallel step, 审核 otherwise; the last step is the 签发. */
  opinion?: OpinionKind;
  handlers?: HandlerSpec[];
  /** The previous handler chooses this step's handler(s) from these people. */
  chooseFrom?: HandlerSpec[];
  skipWhenUrgent?: boolean;
  /** 办理时限 in working days from the day the step reaches each handler. */
  deadlineDays?: number;
}

export interface Submission {
  steps: StepInput[];
  urgent?: boolean;
  /** The first step's handlers, when it is chosen by the drafter. */
  choose?: string[];
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
  const plan = await auditingRefusals(svc, ctx, audit, () =>
    Promise.all(
      input.steps.map(async (s, i): Promise<StepPlan> => {
        const classification = row.document.classification;
        const chosen = s.chooseFrom !== undefined && s.chooseFrom.length > 0;
        return {
          id: s.id,
          name: s.name,
          kind: s.kind,
          mode: s.mode ?? 'all',
          opinion:
            s.opinion ?? (i === input.steps.length - 1 ? 'signoff' : s.kind === 'parallel' ? 'countersign' : 'review'),
          handlers: chosen ? [] : await resolveHandlers(svc.db, s.handlers ?? [], classification),
          candidates: chosen ? await resolveHandlers(svc.db, s.chooseFrom!, classification) : null,
          skipWhenUrgent: s.skipWhenUrgent ?? false,
        };
      }),
    ),
  );
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
        await saveStepDeadlines(tx, id, input.steps);
      },
    },
  );
}
