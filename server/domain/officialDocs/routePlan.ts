// What makes a route plan well formed: steps with unique ids and handlers, a 签发 step last and only there, never
// skipped by the urgent route. Returns the first problem as a short English phrase, or null.
import type { StepPlan } from './vocabulary.ts';

export const MAX_STEPS = 20;
export const MAX_HANDLERS = 50;

export function planProblem(plan: readonly StepPlan[]): string | null {
  if (plan.length === 0) return 'a route needs at least one step';
  if (plan.length > MAX_STEPS) return `a route has at most ${MAX_STEPS} steps`;
  if (new Set(plan.map((s) => s.id)).size !== plan.length) return 'step ids must be unique';
  const last = plan[plan.length - 1]!;
  if (last.opinion !== 'signoff') return 'the last step must be the sign-off (签发)';
  if (last.kind !== 'single') return 'the sign-off step has a single signer';
  if (last.skipWhenUrgent) return 'the urgent route cannot skip the sign-off';
  for (const [i, step] of plan.entries()) {
    if (step.opinion === 'signoff' && i !== plan.length - 1) return 'only the last step is a sign-off';
    const chosen = step.candidates !== null;
    if (chosen && step.handlers.length > 0) return `step ${step.id}: either fixed handlers or candidates, not both`;
    const people = chosen ? step.candidates! : step.handlers;
    if (people.length === 0) return `step ${step.id} names nobody`;
    if (people.length > MAX_HANDLERS) return `step ${step.id} names more than ${MAX_HANDLERS} people`;
    if (new Set(people).size !== people.length) return `step ${step.id} names someone twice`;
  }
  return null;
}
