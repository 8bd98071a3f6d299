// What a route is written as, before its handlers are people: the steps of a 送审 and of a route template (流程模板)
// kept by a unit's office, one schema for both, and the template's own fields. The command parses with these, so a
// template with fields it does not know is refused with each one named, and the routes document the API with them.
import { z } from 'zod';
import {
  DIRECTIONS,
  LAST_OPINION,
  OFFICIAL_DOCUMENT_KIND_KEYS,
  OPINION_KIND_KEYS,
  type Direction,
} from '../../../common/officialDocs/catalogue.ts';
import { BUSINESS_ROLES } from '../roles.ts';
import { MAX_HANDLERS, MAX_STEPS } from './routePlan.ts';
import { PARALLEL_MODES, STEP_KINDS } from './vocabulary.ts';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

/** A handler as a route names them: a person, or whoever holds a role in a unit when the 公文 is sent. */
export const handlerSpecSchema = z.union([
  z.strictObject({ userId: id }),
  z.strictObject({ unitId: id, role: z.enum(BUSINESS_ROLES) }),
]);
export type HandlerSpec = z.infer<typeof handlerSpecSchema>;

/** The longest 办理时限 a step may have, in working days. */
export const MAX_DEADLINE_DAYS = 60;

/** One step: its handlers fixed, or chosen by the previous handler (the drafter, for the first step) from candidates. */
export const routeStepSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ (1–40)'),
  name: text(60),
  kind: z.enum(STEP_KINDS),
  mode: z.enum(PARALLEL_MODES).optional(),
  /** Defaults to 会签 on a parallel step, 审核 otherwise; the last step closes the route (stepOpinion). */
  opinion: z.enum(OPINION_KIND_KEYS).optional(),
  handlers: z.array(handlerSpecSchema).max(MAX_HANDLERS).optional(),
  /** The previous handler chooses this step's handler(s) from these people. */
  chooseFrom: z.array(handlerSpecSchema).max(MAX_HANDLERS).optional(),
  /** An urgent (特急) 公文 skips this step. */
  skipWhenUrgent: z.boolean().optional(),
  /** 办理时限: working days from the day the step reaches each handler (reminded the day before, and when late). */
  deadlineDays: z.number().int().min(1).max(MAX_DEADLINE_DAYS).optional(),
});
export type StepInput = z.infer<typeof routeStepSchema>;

export const routeStepsSchema = z.array(routeStepSchema).min(1).max(MAX_STEPS);

export const ROUTE_TEMPLATE_NAME_MAX = 60;

const templateFields = {
  name: text(ROUTE_TEMPLATE_NAME_MAX),
  /** 文种: the template is offered for 公文 of this kind; null: for every 文种 of the unit. */
  kind: z.enum(OFFICIAL_DOCUMENT_KIND_KEYS).nullable(),
  steps: routeStepsSchema,
};

/** A new route template: the unit defaults to the author's own, the direction to 发文. */
export const newRouteTemplateSchema = z.strictObject({
  ...templateFields,
  kind: templateFields.kind.default(null),
  unitId: id.optional(),
  direction: z.enum(DIRECTIONS).default('outgoing'),
});
export const routeTemplateChangeSchema = z.strictObject(templateFields).partial();

export type NewRouteTemplate = z.input<typeof newRouteTemplateSchema>;
export type RouteTemplateChange = z.infer<typeof routeTemplateChangeSchema>;

/**
 * The opinion a step asks for when the route does not say: the last step closes the route (签发, or 办结 for 收文); on
 * a 发文 route a parallel step is 会签 and any other 审核. A 收文 route names its other steps' opinions.
 */
export function stepOpinion(
  step: StepInput,
  index: number,
  count: number,
  direction: Direction = 'outgoing',
): NonNullable<StepInput['opinion']> {
  if (step.opinion) return step.opinion;
  if (index === count - 1) return LAST_OPINION[direction];
  return step.kind === 'parallel' ? 'countersign' : 'review';
}
