// Drafts a 公文 (拟稿) in the drafter's unit: its co-edited 正文 and the 公文 record beside it, with what the
// organisation knows filled in (发文机关标志, 代字, 署名, the 办公室 that prints it), optionally answering another 公文
// (请示 → 批复, 来文 → 复文). Drafted from a template, it takes the template's 版头 and fields, and its 正文 starts from the
// template's skeleton.
import type { RelationKind } from '../../../common/officialDocs/catalogue.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { newRoute } from '../../domain/officialDocs/vocabulary.ts';
import { authorize, classificationResource } from '../../policies/index.ts';
import { authorizeOfficialDocView, officialDocResource } from '../../policies/officialDocs.ts';
import { issuingDefaults } from '../../queries/officialDocs/issuingDefaults.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../../services.ts';
import { fieldColumns, type OfficialDocFields } from './officialDocFields.ts';
import { auditingRefusals } from './refusalAudit.ts';
import { seedBody, templateForDrafting } from './templateDrafting.ts';
import { recordTrail } from './trail.ts';

export interface NewOfficialDoc extends Partial<Omit<OfficialDocFields, 'title' | 'kind' | 'classification'>> {
  title: string;
  kind: OfficialDocFields['kind'];
  classification: number;
  /** The 公文 this one answers. */
  answers?: { id: string; kind: RelationKind } | null;
  /** The unit's template (公文模板) to start from. */
  templateId?: string | null;
}

export async function createOfficialDoc(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  input: NewOfficialDoc,
): Promise<{ id: string; documentId: string }> {
  const audit = { action: 'officialDoc.create', resourceType: 'official_document', resourceId: null };
  const created = await auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      authorize(subject, 'officialDoc.create');
      authorize(subject, 'classification.assign', classificationResource(input.classification));
      if (input.answers) {
        const answered = await loadOfficialDoc(tx, input.answers.id);
        const actingFor = await principalsOf(tx, subject.id, ctx.at);
        authorizeOfficialDocView(subject, officialDocResource(officialDocFacts(answered), actingFor));
      }
      const defaults = await issuingDefaults(tx, subject.unitId);
      const template = input.templateId ? await templateForDrafting(tx, subject, input.templateId, input.kind) : null;
      const document = await tx.document.create({
        data: {
          kind: 'draft',
          title: input.title,
          unitId: subject.unitId,
          ownerId: subject.id,
          classification: input.classification,
          contextType: 'official_document',
          createdAt: ctx.at,
          updatedAt: ctx.at,
        },
      });
      const doc = await tx.officialDocument.create({
        data: {
          documentId: document.id,
          direction: 'outgoing',
          unitId: subject.unitId,
          officeUnitId: defaults.officeUnitId,
          drafterId: subject.id,
          issuerMark: template?.issuerMark ?? defaults.issuerMark,
          numberPrefix: defaults.numberPrefix,
          issuerSignature: defaults.issuerName,
          printingUnit: defaults.printingUnit,
          route: JSON.stringify(newRoute(subject.id)),
          createdAt: ctx.at,
          updatedAt: ctx.at,
          ...fieldColumns(template?.fields ?? {}),
          ...fieldColumns(input),
          kind: input.kind,
        },
      });
      await tx.document.update({ where: { id: document.id }, data: { contextId: doc.id } });
      if (input.answers)
        await tx.officialDocumentRelation.create({
          data: {
            fromId: input.answers.id,
            toId: doc.id,
            kind: input.answers.kind,
            createdById: subject.id,
            createdAt: ctx.at,
          },
        });
      await recordAudit(tx, ctx, {
        action: 'officialDoc.create',
        resourceType: 'official_document',
        resourceId: doc.id,
        detail: {
          documentId: document.id,
          kind: input.kind,
          classification: input.classification,
          ...(input.answers ? { answers: input.answers.id, relation: input.answers.kind } : {}),
          ...(template ? { templateId: template.id } : {}),
        },
      });
      await recordTrail(tx, {
        officialDocumentId: doc.id,
        kind: 'created',
        userId: subject.id,
        detail: template ? { templateId: template.id } : {},
        at: ctx.at,
      });
      return { id: doc.id, documentId: document.id, body: template?.body ?? null };
    }),
  );
  if (created.body !== null) await seedBody(svc, created.documentId, subject.id, created.body);
  return { id: created.id, documentId: created.documentId };
}
