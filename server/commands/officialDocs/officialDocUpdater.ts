// The drafter changes the 公文's fields while it is a draft (拟稿, or returned to them); nobody else, never later.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { applyRouteAction } from '../../domain/officialDocs/routeEngine.ts';
import { authorize, classificationResource } from '../../policies/index.ts';
import {
  authorizeOfficialDocView,
  officialDocError,
  officialDocResource,
  routeActor,
} from '../../policies/officialDocs.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../../services.ts';
import { fieldColumns, type OfficialDocFields } from './officialDocFields.ts';
import { auditingRefusals } from './refusalAudit.ts';

export async function updateOfficialDoc(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  fields: Partial<OfficialDocFields>,
): Promise<void> {
  const audit = { action: 'officialDoc.edit', resourceType: 'official_document', resourceId: id };
  await auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      const row = await loadOfficialDoc(tx, id);
      const facts = officialDocFacts(row);
      const actingFor = await principalsOf(tx, subject.id, ctx.at);
      authorizeOfficialDocView(subject, officialDocResource(facts, actingFor));
      if (!applyRouteAction(facts.route, routeActor(subject, facts, actingFor), { action: 'edit' }).ok)
        throw officialDocError(409, 'not_editable');
      if (fields.classification !== undefined)
        authorize(subject, 'classification.assign', classificationResource(fields.classification));
      const { count } = await tx.officialDocument.updateMany({
        where: { id, revision: row.revision },
        data: { ...fieldColumns(fields), revision: { increment: 1 }, updatedAt: ctx.at },
      });
      if (count !== 1) throw officialDocError(409, 'document_changed');
      if (fields.title !== undefined || fields.classification !== undefined)
        await tx.document.update({
          where: { id: row.documentId },
          data: {
            ...(fields.title === undefined ? {} : { title: fields.title }),
            ...(fields.classification === undefined ? {} : { classification: fields.classification }),
            updatedAt: ctx.at,
          },
        });
      await recordAudit(tx, ctx, {
        action: 'officialDoc.edit',
        resourceType: 'official_document',
        resourceId: id,
        detail: { fields: Object.keys(fields).sort() },
      });
    }),
  );
}
