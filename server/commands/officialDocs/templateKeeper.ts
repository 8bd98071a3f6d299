// The office keeps its unit's 公文 templates (公文模板): writes, changes and removes them. The body is checked at this
// edge, not only by the route's schema: a template with fields it does not know, a bad field or a 正文 skeleton that is
// not plain paragraphs is refused with every problem named in Chinese and English, changes nothing, and is audited.
import type { z } from 'zod';
import {
  newTemplateSchema,
  templateBodyProblem,
  templateChangeSchema,
  type TemplateBody,
} from '../../../common/officialDocs/templates.ts';
import { documentSchema } from '../../../common/schema/documentSchema.ts';
import { Prisma } from '../../../prisma/generated/client.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { NotFound } from '../../errors.ts';
import { can } from '../../policies/index.ts';
import type { OfficialDocTemplateResource } from '../../policies/officialDocTemplates.ts';
import { loadTemplate, templatesOf } from '../../queries/officialDocs/templates.ts';
import type { Services } from '../../services.ts';
import { parseOrRefuse, refusal } from './inputRefusal.ts';
import { auditingRefusals } from './refusalAudit.ts';

const RESOURCE_TYPE = 'official_document_template';

const parse = <S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> =>
  parseOrRefuse(schema, raw, { unknownFields: 'template_unknown_fields', invalid: 'template_invalid' });

/** The 正文 skeleton as stored: plain paragraphs that the document schema accepts. */
function checkedBody(body: TemplateBody): string {
  const problem = templateBodyProblem(body);
  if (problem) throw refusal(400, 'template_body_invalid', problem, { problem });
  try {
    documentSchema().nodeFromJSON(body).check();
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw refusal(400, 'template_body_invalid', { zh: detail, en: detail }, { problem: { zh: detail, en: detail } });
  }
  return JSON.stringify(body);
}

function authorizeManage(subject: Subject, resource: OfficialDocTemplateResource): void {
  if (!can(subject, 'officialDocTemplate.manage', resource)) throw refusal(403, 'template_forbidden', null);
}

const nameTaken = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002'
    ? refusal(409, 'template_name_taken', null)
    : err;

export async function createTemplate(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  raw: unknown,
): Promise<{ id: string }> {
  const audit = { action: 'officialDocTemplate.create', resourceType: RESOURCE_TYPE, resourceId: null };
  return auditingRefusals(svc, ctx, audit, async () => {
    const input = parse(newTemplateSchema, raw);
    const body = checkedBody(input.body);
    const unitId = input.unitId ?? subject.unitId;
    if (!(await svc.db.unit.findUnique({ where: { id: unitId }, select: { id: true } }))) throw new NotFound('unit');
    authorizeManage(subject, await templatesOf(svc.db, unitId));
    try {
      return await inTransaction(svc, async (tx) => {
        const row = await tx.officialDocumentTemplate.create({
          data: {
            unitId,
            kind: input.kind,
            name: input.name,
            issuerMark: input.issuerMark,
            mainRecipients: JSON.stringify(input.mainRecipients),
            ccRecipients: JSON.stringify(input.ccRecipients),
            remark: input.remark,
            disclosure: input.disclosure,
            body,
            createdById: subject.id,
            createdAt: ctx.at,
            updatedAt: ctx.at,
          },
        });
        await recordAudit(tx, ctx, {
          action: 'officialDocTemplate.create',
          resourceType: RESOURCE_TYPE,
          resourceId: row.id,
          detail: { unitId, kind: input.kind },
        });
        return { id: row.id };
      });
    } catch (err) {
      throw nameTaken(err);
    }
  });
}

export async function updateTemplate(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  raw: unknown,
): Promise<void> {
  const audit = { action: 'officialDocTemplate.update', resourceType: RESOURCE_TYPE, resourceId: id };
  await auditingRefusals(svc, ctx, audit, async () => {
    const { resource } = await loadTemplate(svc.db, subject, id);
    authorizeManage(subject, resource);
    const input = parse(templateChangeSchema, raw);
    const body = input.body === undefined ? undefined : checkedBody(input.body);
    const list = (v: string[] | undefined) => (v === undefined ? undefined : JSON.stringify(v));
    try {
      await inTransaction(svc, async (tx) => {
        await tx.officialDocumentTemplate.update({
          where: { id },
          data: {
            kind: input.kind,
            name: input.name,
            issuerMark: input.issuerMark,
            mainRecipients: list(input.mainRecipients),
            ccRecipients: list(input.ccRecipients),
            remark: input.remark,
            disclosure: input.disclosure,
            body,
            updatedAt: ctx.at,
          },
        });
        await recordAudit(tx, ctx, {
          action: 'officialDocTemplate.update',
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

/** Removes a template; the 公文 drafted from it keep what they copied. */
export async function deleteTemplate(svc: Services, ctx: RequestContext, subject: Subject, id: string): Promise<void> {
  const audit = { action: 'officialDocTemplate.delete', resourceType: RESOURCE_TYPE, resourceId: id };
  await auditingRefusals(svc, ctx, audit, async () => {
    const { row, resource } = await loadTemplate(svc.db, subject, id);
    authorizeManage(subject, resource);
    await inTransaction(svc, async (tx) => {
      await tx.officialDocumentTemplate.delete({ where: { id } });
      await recordAudit(tx, ctx, {
        action: 'officialDocTemplate.delete',
        resourceType: RESOURCE_TYPE,
        resourceId: id,
        detail: { unitId: row.unitId, kind: row.kind },
      });
    });
  });
}
