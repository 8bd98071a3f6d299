// Creates a document owned by the signed-in user in their unit, at a classification they are cleared for.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { authorize, classificationResource } from '../../policies/index.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface NewDocument {
  kind: 'draft' | 'minutes' | 'material' | 'whiteboard';
  title: string;
  classification: number;
  contextType?: string | null;
  contextId?: string | null;
}

export async function createDocument(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  input: NewDocument,
): Promise<{ id: string }> {
  authorize(subject, 'document.create');
  authorize(subject, 'classification.assign', classificationResource(input.classification));
  return inTransaction(svc, async (tx) => {
    const doc = await tx.document.create({
      data: {
        kind: input.kind,
        title: input.title,
        unitId: subject.unitId,
        ownerId: subject.id,
        classification: input.classification,
        contextType: input.contextType ?? null,
        contextId: input.contextId ?? null,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'document.create',
      resourceType: 'document',
      resourceId: doc.id,
      detail: { kind: input.kind, classification: input.classification },
    });
    return { id: doc.id };
  });
}
