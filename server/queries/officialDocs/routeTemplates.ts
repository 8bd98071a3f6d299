// A unit's route templates (流程模板) as those who may use them see them: one template, the list for a unit (those of a
// 文种 before those for every 文种; retired ones only when asked), and the API's shape of one, with the names of the
// people and units its steps name. A template one may not use does not exist for them (404).
import type { Direction, OfficialDocumentKind } from '../../../common/officialDocs/catalogue.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { routeStepsSchema, type StepInput } from '../../domain/officialDocs/routeTemplates.ts';
import { NotFound } from '../../errors.ts';
import { can } from '../../policies/index.ts';
import type { OfficialDocTemplateResource } from '../../policies/officialDocTemplates.ts';
import type { OfficialDocumentRouteTemplate as RouteTemplateRow } from '../../../prisma/generated/client.ts';
import { templatesOf } from './templates.ts';

export type { OfficialDocumentRouteTemplate as RouteTemplateRow } from '../../../prisma/generated/client.ts';

/** The steps as stored: written by the command after the same schema accepted them. */
export const storedSteps = (row: RouteTemplateRow): StepInput[] => routeStepsSchema.parse(JSON.parse(row.steps));

/** One route template, 404 unless the subject may use it; with the policies' view of its unit. */
export async function loadRouteTemplate(
  db: Db | Tx,
  subject: Subject,
  id: string,
): Promise<{ row: RouteTemplateRow; resource: OfficialDocTemplateResource }> {
  const row = await db.officialDocumentRouteTemplate.findUnique({ where: { id } });
  if (!row) throw new NotFound('route template');
  const resource = await templatesOf(db, row.unitId);
  if (!can(subject, 'officialDocRouteTemplate.use', resource)) throw new NotFound('route template');
  return { row, resource };
}

/** Those of the 文种 asked for first, then those for every 文种; by name within each. */
export function byFit(a: RouteTemplateRow, b: RouteTemplateRow): number {
  if ((a.kind === null) !== (b.kind === null)) return a.kind === null ? 1 : -1;
  return (a.kind ?? '').localeCompare(b.kind ?? '') || a.name.localeCompare(b.name, 'zh-CN');
}

export async function listRouteTemplates(
  db: Db,
  subject: Subject,
  query: {
    unitId?: string | undefined;
    kind?: OfficialDocumentKind | undefined;
    direction?: Direction | undefined;
    includeRetired?: boolean | undefined;
  },
): Promise<{ rows: RouteTemplateRow[]; resource: OfficialDocTemplateResource; mayManage: boolean }> {
  const unitId = query.unitId ?? subject.unitId;
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true } });
  const resource = unit ? await templatesOf(db, unitId) : null;
  if (!resource || !can(subject, 'officialDocRouteTemplate.use', resource)) throw new NotFound('unit');
  const rows = await db.officialDocumentRouteTemplate.findMany({
    where: {
      unitId,
      ...(query.kind ? { OR: [{ kind: query.kind }, { kind: null }] } : {}),
      ...(query.direction ? { direction: query.direction } : {}),
      ...(query.includeRetired ? {} : { retiredAt: null }),
    },
  });
  return { rows: rows.sort(byFit), resource, mayManage: can(subject, 'officialDocRouteTemplate.manage', resource) };
}

/** The names of the people and units the templates' steps name, for showing them (ids a template names only). */
export async function namesIn(db: Db | Tx, rows: readonly RouteTemplateRow[]): Promise<Record<string, string>> {
  const userIds = new Set<string>();
  const unitIds = new Set<string>();
  for (const row of rows)
    for (const step of storedSteps(row))
      for (const spec of [...(step.handlers ?? []), ...(step.chooseFrom ?? [])])
        if ('userId' in spec) userIds.add(spec.userId);
        else unitIds.add(spec.unitId);
  const [users, units] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, displayName: true } }),
    db.unit.findMany({ where: { id: { in: [...unitIds] } }, select: { id: true, name: true, shortName: true } }),
  ]);
  return Object.fromEntries([
    ...users.map((u) => [u.id, u.displayName] as const),
    ...units.map((u) => [u.id, u.shortName ?? u.name] as const),
  ]);
}

/** A route template as the API answers it; `names` from namesIn(). */
export function presentRouteTemplate(
  row: RouteTemplateRow,
  resource: OfficialDocTemplateResource,
  subject: Subject,
  names: Readonly<Record<string, string>>,
) {
  const steps = storedSteps(row);
  const named = new Set(
    steps.flatMap((s) =>
      [...(s.handlers ?? []), ...(s.chooseFrom ?? [])].map((h) => ('userId' in h ? h.userId : h.unitId)),
    ),
  );
  return {
    id: row.id,
    unitId: row.unitId,
    direction: row.direction as Direction,
    kind: row.kind as OfficialDocumentKind | null,
    name: row.name,
    steps,
    names: Object.fromEntries([...named].map((id) => [id, names[id] ?? id])),
    retiredAt: row.retiredAt?.toISOString() ?? null,
    mayManage: can(subject, 'officialDocRouteTemplate.manage', resource),
    updatedAt: row.updatedAt.toISOString(),
  };
}
