// A unit's 公文 templates as those who may use them see them: the list for a unit (optionally of one 文种) and one
// template. A template one may not use does not exist for them (404).
import type { OfficialDocumentKind } from '../../../common/officialDocs/catalogue.ts';
import type { TemplateBody } from '../../../common/officialDocs/templates.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { NotFound } from '../../errors.ts';
import { can } from '../../policies/index.ts';
import { templateResource, type OfficialDocTemplateResource } from '../../policies/officialDocTemplates.ts';
import type { OfficialDocumentTemplate as TemplateRow } from '../../../prisma/generated/client.ts';
import { issuingDefaults } from './issuingDefaults.ts';

export type { OfficialDocumentTemplate as TemplateRow } from '../../../prisma/generated/client.ts';

/** The policies' view of a unit's templates: the unit and the office that keeps them. */
export async function templatesOf(db: Db | Tx, unitId: string): Promise<OfficialDocTemplateResource> {
  const { officeUnitId } = await issuingDefaults(db, unitId);
  return templateResource(unitId, officeUnitId);
}

/** One template, 404 unless the subject may use it; with the policies' view of its unit. */
export async function loadTemplate(
  db: Db | Tx,
  subject: Subject,
  id: string,
): Promise<{ row: TemplateRow; resource: OfficialDocTemplateResource }> {
  const row = await db.officialDocumentTemplate.findUnique({ where: { id } });
  if (!row) throw new NotFound('template');
  const resource = await templatesOf(db, row.unitId);
  if (!can(subject, 'officialDocTemplate.use', resource)) throw new NotFound('template');
  return { row, resource };
}

export async function listTemplates(
  db: Db,
  subject: Subject,
  query: { unitId?: string | undefined; kind?: OfficialDocumentKind | undefined },
): Promise<TemplateRow[]> {
  const unitId = query.unitId ?? subject.unitId;
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true } });
  if (!unit || !can(subject, 'officialDocTemplate.use', await templatesOf(db, unitId))) throw new NotFound('unit');
  return db.officialDocumentTemplate.findMany({
    where: { unitId, ...(query.kind ? { kind: query.kind } : {}) },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
  });
}

/** A template as the API answers it. */
export function presentTemplate(row: TemplateRow, resource: OfficialDocTemplateResource, subject: Subject) {
  return {
    id: row.id,
    unitId: row.unitId,
    kind: row.kind as OfficialDocumentKind,
    name: row.name,
    issuerMark: row.issuerMark,
    mainRecipients: JSON.parse(row.mainRecipients) as string[],
    ccRecipients: JSON.parse(row.ccRecipients) as string[],
    remark: row.remark,
    disclosure: row.disclosure,
    body: JSON.parse(row.body) as TemplateBody,
    mayManage: can(subject, 'officialDocTemplate.manage', resource),
    updatedAt: row.updatedAt.toISOString(),
  };
}
