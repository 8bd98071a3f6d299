// What makes a route plan well formed: steps with unique ids and handlers, asking only for the opinions of the route's
// direction, and ending with the one step that closes it (签发 for 发文, 办结 for 收文), single and never skipped by the
// urgent route. Returns the first problem as a short English phrase, or null.
import { LAST_OPINION, OPINIONS_BY_DIRECTION, type Direction } from '../../../common/officialDocs/catalogue.ts';
import type { StepPlan } from './vocabulary.ts';

export const MAX_STEPS = 20;
export const MAX_HANDLERS = 50;

const ARTICLES: Readonly<Record<Direction, string>> = { outgoing: 'an outgoing', incoming: 'an incoming' };

const CLOSING: Readonly<Record<Direction, { name: string; zh: string; person: string }>> = {
  outgoing: { name: 'sign-off', zh: '签发', person: 'signer' },
  incoming: { name: 'conclusion', zh: '办结', person: 'handler' },
};

export function planProblem(plan: readonly StepPlan[], direction: Direction = 'outgoing'): string | null {
  if (plan.length === 0) return 'a route needs at least one step';
  if (plan.length > MAX_STEPS) return `a route has at most ${MAX_STEPS} steps`;
  if (new Set(plan.map((s) => s.id)).size !== plan.length) return 'step ids must be unique';
  const closing = LAST_OPINION[direction];
  const { name, zh, person } = CLOSING[direction];
  const last = plan[plan.length - 1]!;
  if (last.opinion !== closing) return `the last step must be the ${name} (${zh})`;
  if (last.kind !== 'single') return `the ${name} step has a single ${person}`;
  if (last.skipWhenUrgent) return `the urgent route cannot skip the ${name}`;
  for (const [i, step] of plan.entries()) {
    if (!OPINIONS_BY_DIRECTION[direction].includes(step.opinion))
      return `step ${step.id}: ${ARTICLES[direction]} route has no ${step.opinion} step`;
    if (step.opinion === closing && i !== plan.length - 1) return `only the last step is a ${name}`;
    const chosen = step.candidates !== null;
    if (chosen && step.handlers.length > 0) return `step ${step.id}: either fixed handlers or candidates, not both`;
    const people = chosen ? step.candidates! : step.handlers;
    if (people.length === 0) return `step ${step.id} names nobody`;
    if (people.length > MAX_HANDLERS) return `step ${step.id} names more than ${MAX_HANDLERS} people`;
    if (new Set(people).size !== people.length) return `step ${step.id} names someone twice`;
  }
  return null;
}
