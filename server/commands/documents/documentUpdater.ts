// The owner renames a document, changes its classification, or switches review mode (修改痕迹) on or off.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { authorize, classificationResource } from '../../policies/index.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface DocumentChanges {
  title?: string;
  classification?: number;
  reviewMode?: boolean;
}

export async function updateDocument(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  documentId: string,
  changes: DocumentChanges,
): Promise<void> {
  if (changes.classification !== undefined)
    authorize(subject, 'classification.assign', classificationResource(changes.classification));
  await inTransaction(svc, async (tx) => {
    await tx.document.update({ where: { id: documentId }, data: { ...changes, updatedAt: ctx.at } });
    await recordAudit(tx, ctx, {
      action: 'document.update',
      resourceType: 'document',
      resourceId: documentId,
      // Which fields changed, never the new title itself: audit details hold ids and settings, not business text.
      detail: { fields: Object.keys(changes), classification: changes.classification, reviewMode: changes.reviewMode },
    });
  });
  await svc.collab.refreshAccess(documentId);
}
