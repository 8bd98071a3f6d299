// The office keeps its unit's route templates (流程模板): writes, changes and retires them. The body is checked here,
// not only by the route's schema: fields it does not know, a route the engine would refuse (planProblem) or people and
// units that do not exist are each refused in Chinese and English, change nothing, and are audited. Retiring keeps the
// row: 公文 sent with a template keep the route they were given, and the audit trail keeps naming it.
import type { z } from 'zod';
import type { Direction } from '../../../common/officialDocs/catalogue.ts';
import { Prisma } from '../../../prisma/generated/client.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { planProblem } from '../../domain/officialDocs/routePlan.ts';
import {
  newRouteTemplateSchema,
  routeTemplateChangeSchema,
  type StepInput,
} from '../../domain/officialDocs/routeTemplates.ts';
import { CLASSIFICATIONS } from '../../domain/roles.ts';
import { NotFound } from '../../errors.ts';
import { can } from '../../policies/index.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import type { OfficialDocTemplateResource } from '../../policies/officialDocTemplates.ts';
import { resolvePlan } from '../../queries/officialDocs/routePlanResolver.ts';
import { loadRouteTemplate } from '../../queries/officialDocs/routeTemplates.ts';
import { templatesOf } from '../../queries/officialDocs/templates.ts';
import type { Services } from '../../services.ts';
import { parseOrRefuse, refusal } from './inputRefusal.ts';
import { auditingRefusals } from './refusalAudit.ts';

const RESOURCE_TYPE = 'official_document_route_template';

const parse = <S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> =>
  parseOrRefuse(schema, raw, { unknownFields: 'route_template_unknown_fields', invalid: 'route_template_invalid' });

/**
 * The steps as stored, once the route engine would take them: every person and unit named exists, every role named
 * has a holder, and the plan is well formed. Clearance is checked when a 公文 is sent, against its classification;
 * here only that each person may handle the least classified document.
 */
async function checkedSteps(db: Db, steps: readonly StepInput[], direction: Direction): Promise<string> {
  const plan = await resolvePlan(db, steps, CLASSIFICATIONS.indexOf('public'), direction);
  const problem = planProblem(plan, direction);
  if (problem) throw officialDocError(400, 'bad_plan', problem);
  return JSON.stringify(steps);
}

function authorizeManage(subject: Subject, resource: OfficialDocTemplateResource): void {
  if (!can(subject, 'officialDocRouteTemplate.manage', resource)) throw refusal(403, 'route_template_forbidden', null);
}

const nameTaken = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002'
    ? refusal(409, 'route_template_name_taken', null)
    : err;

export async function createRouteTemplate(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  raw: unknown,
): Promise<{ id: string }> {
  const audit = { action: 'officialDocRouteTemplate.create', resourceType: RESOURCE_TYPE, resourceId: null };
  return auditingRefusals(svc, ctx, audit, async () => {
    const input = parse(newRouteTemplateSchema, raw);
    const unitId = input.unitId ?? subject.unitId;
    if (!(await svc.db.unit.findUnique({ where: { id: unitId }, select: { id: true } }))) throw new NotFound('unit');
    authorizeManage(subject, await templatesOf(svc.db, unitId));
    const steps = await checkedSteps(svc.db, input.steps, input.direction);
    try {
      return await inTransaction(svc, async (tx) => {
        const row = await tx.officialDocumentRouteTemplate.create({
          data: {
            unitId,
            direction: input.direction,
            kind: input.kind,
            name: input.name,
            steps,
            createdById: subject.id,
            createdAt: ctx.at,
            updatedAt: ctx.at,
          },
        });
        await recordAudit(tx, ctx, {
          action: 'officialDocRouteTemplate.create',
          resourceType: RESOURCE_TYPE,
          resourceId: row.id,
          detail: { unitId, kind: input.kind, steps: input.steps.length },
        });
        return { id: row.id };
      });
    } catch (err) {
      throw nameTaken(err);
    }
  });
}

export async function updateRouteTemplate(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  raw: unknown,
): Promise<void> {
  const audit = { action: 'officialDocRouteTemplate.update', resourceType: RESOURCE_TYPE, resourceId: id };
  await auditingRefusals(svc, ctx, audit, async () => {
    const { row, resource } = await loadRouteTemplate(svc.db, subject, id);
    authorizeManage(subject, resource);
    if (row.retiredAt) throw refusal(409, 'route_template_retired', null);
    const input = parse(routeTemplateChangeSchema, raw);
    const steps =
      input.steps === undefined ? undefined : await checkedSteps(svc.db, input.steps, row.direction as Direction);
    try {
      await inTransaction(svc, async (tx) => {
        // Only over the template as it was checked: a retirement in between wins.
        const { count } = await tx.officialDocumentRouteTemplate.updateMany({
          where: { id, retiredAt: null },
          data: { name: input.name, kind: input.kind, steps, updatedAt: ctx.at },
        });
        if (count !== 1) throw refusal(409, 'route_template_retired', null);
        await recordAudit(tx, ctx, {
          action: 'officialDocRouteTemplate.update',
          resourceType: RESOURCE_TYPE,
          resourceId: id,
          detail: { fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined) },
        });
      });
    } catch (err) {
      throw nameTaken(err);
    }
  });
}

/** Retires a template: no longer offered nor accepted for 送审; once only. */
export async function retireRouteTemplate(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
): Promise<void> {
  const audit = { action: 'officialDocRouteTemplate.retire', resourceType: RESOURCE_TYPE, resourceId: id };
  await auditingRefusals(svc, ctx, audit, async () => {
    const { row, resource } = await loadRouteTemplate(svc.db, subject, id);
    authorizeManage(subject, resource);
    await inTransaction(svc, async (tx) => {
      const { count } = await tx.officialDocumentRouteTemplate.updateMany({
        where: { id, retiredAt: null },
        data: { retiredAt: ctx.at, updatedAt: ctx.at },
      });
      if (count !== 1) throw refusal(409, 'route_template_retired', null);
      await recordAudit(tx, ctx, {
        action: 'officialDocRouteTemplate.retire',
        resourceType: RESOURCE_TYPE,
        resourceId: id,
        detail: { unitId: row.unitId, kind: row.kind },
      });
    });
  });
}
