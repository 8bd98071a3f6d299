// A route as written (steps naming people or roles in units) turned into the route engine's plan: each step's
// handlers or candidates resolved to people cleared for the document, its opinion filled in. Shared by 送审 (with
// the 公文's classification) and by the office writing a route template (which must name people and units that exist).
import type { Direction } from '../../../common/officialDocs/catalogue.ts';
import { stepOpinion, type StepInput } from '../../domain/officialDocs/routeTemplates.ts';
import type { StepPlan } from '../../domain/officialDocs/vocabulary.ts';
import type { Db, Tx } from '../../db/client.ts';
import { resolveHandlers } from './handlerResolver.ts';

export async function resolvePlan(
  db: Db | Tx,
  steps: readonly StepInput[],
  classification: number,
  direction: Direction = 'outgoing',
): Promise<StepPlan[]> {
  const plan: StepPlan[] = [];
  for (const [i, s] of steps.entries()) {
    const chosen = s.chooseFrom !== undefined && s.chooseFrom.length > 0;
    plan.push({
      id: s.id,
      name: s.name,
      kind: s.kind,
      mode: s.mode ?? 'all',
      opinion: stepOpinion(s, i, steps.length, direction),
      // Both given is refused by planProblem(), not silently narrowed to one of them.
      handlers: await resolveHandlers(db, s.handlers ?? [], classification),
      candidates: chosen ? await resolveHandlers(db, s.chooseFrom!, classification) : null,
      skipWhenUrgent: s.skipWhenUrgent ?? false,
    });
  }
  return plan;
}
