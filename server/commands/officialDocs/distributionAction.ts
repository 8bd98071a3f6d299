// The frame of every command on one distribution row (签收, 拒收, 撤回, 重新分发): in one transaction, load the row,
// ask the policies whether the person may do this to it (403 otherwise), check its status (409 otherwise), write the
// change only over the revision it decided on (two people at once cannot both move it), record it in the 公文's trail
// and the audit log, and send its notices after the commit. A refusal changes nothing and is audited on its own.
import type { DistributionStatus } from '../../../common/officialDocs/distribution.ts';
import type { OfficialDocErrorCode } from '../../../common/officialDocs/errors.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { Conflict } from '../../errors.ts';
import { announce } from '../../notifications/announce.ts';
import { notice } from '../../notifications/notificationHub.ts';
import { authorize } from '../../policies/index.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import type { NotificationView } from '../../presenters/notification.ts';
import type { Prisma } from '../../../prisma/generated/client.ts';
import {
  distributionResource,
  loadDistribution,
  type LoadedDistribution,
} from '../../queries/officialDocs/distributions.ts';
import { unitPeople } from '../../queries/todo/todoAudience.ts';
import type { Services } from '../../services.ts';
import { officialDocLink } from './officialDocUrger.ts';
import { syncRecipientReaders } from './recipientReaders.ts';
import { auditingRefusals } from './refusalAudit.ts';
import { recordTrail } from './trail.ts';

export type DistributionVerb = 'signFor' | 'refuse' | 'recall' | 'reissue';

export interface DistributionWork {
  /** The statuses the row must be in, and the 409 code otherwise. */
  from: readonly DistributionStatus[];
  conflict: OfficialDocErrorCode;
  /** The row's new fields (null: the row itself does not change, as when reissued). */
  update: Prisma.OfficialDocumentDistributionUpdateManyMutationInput | null;
  /** Further writes in the same transaction; what they return goes into the audit and trail details. */
  also?: (
    tx: Tx,
    row: LoadedDistribution,
  ) => Promise<{ detail?: Record<string, unknown>; notices?: NotificationView[] }>;
  /** Whether the readers of the 正文 change (a recall or refusal takes it back, a reissue gives it again). */
  readersChange?: boolean;
  /** A notice to whoever sent the row (its sender reads the 公文), about its recipient's answer. */
  tellSender?: 'officialDoc.distribution_signed' | 'officialDoc.distribution_refused';
  reason?: string;
}

export async function runDistributionAction(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  distributionId: string,
  verb: DistributionVerb,
  work: DistributionWork,
): Promise<{ officialDocumentId: string; detail: Record<string, unknown> }> {
  const action = `officialDoc.distribution.${verb}`;
  const audit = { action, resourceType: 'official_document_distribution', resourceId: distributionId };
  let documentId: string | null = null;
  const result = await auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      const row = await loadDistribution(tx, distributionId);
      authorize(subject, `distribution.${verb}`, distributionResource(row));
      if (!work.from.includes(row.status as DistributionStatus)) throw officialDocError(409, work.conflict);
      // An archived 公文 is frozen with its 分发 as packaged (commands/archive): no row moves any more.
      if (row.officialDocument.status === 'archived')
        throw new Conflict('archived', 'The 公文 is archived and can no longer change (公文已归档，不能再更改)');
      if (work.update) {
        const { count } = await tx.officialDocumentDistribution.updateMany({
          where: { id: row.id, revision: row.revision },
          data: { ...work.update, revision: { increment: 1 }, updatedAt: ctx.at },
        });
        if (count !== 1) throw officialDocError(409, 'distribution_changed');
      }
      const extra = (await work.also?.(tx, row)) ?? {};
      const notices = [...(extra.notices ?? [])];
      if (work.tellSender && row.sentById !== subject.id) {
        const doc = row.officialDocument;
        const params = { document: doc.document.title, unit: row.unit.name, person: subject.id };
        notices.push(
          ...(await svc.notifications.create(
            tx,
            [
              work.tellSender === 'officialDoc.distribution_signed'
                ? notice(row.sentById, 'officialDoc.distribution_signed', params, officialDocLink(doc.id), {
                    kind: 'officialDoc',
                    id: doc.id,
                    at: ctx.at,
                  })
                : notice(
                    row.sentById,
                    'officialDoc.distribution_refused',
                    { ...params, reason: work.reason ?? '' },
                    officialDocLink(doc.id),
                    { kind: 'officialDoc', id: doc.id, at: ctx.at },
                  ),
            ],
            ctx.at,
          )),
        );
      }
      if (work.readersChange) {
        await syncRecipientReaders(tx, row.officialDocumentId, subject.id, ctx.at);
        documentId = row.officialDocument.documentId;
      }
      const detail = { distributionId: row.id, unitId: row.unitId, from: row.status, ...extra.detail };
      await recordAudit(tx, ctx, {
        action,
        resourceType: 'official_document_distribution',
        resourceId: row.id,
        detail: { officialDocumentId: row.officialDocumentId, ...detail },
      });
      await recordTrail(tx, {
        officialDocumentId: row.officialDocumentId,
        kind: `distribution.${verb}`,
        userId: subject.id,
        detail,
        at: ctx.at,
      });
      return {
        officialDocumentId: row.officialDocumentId,
        detail,
        notices,
        classification: row.officialDocument.document.classification,
        recipient: { unitId: row.unitId, receiverId: row.receiverId },
      };
    }),
  );
  // Open editors of the 正文 follow at once (a recalled unit's clerk goes, a reissued one may open it).
  if (documentId) await svc.collab.refreshAccess(documentId);
  await announce(svc, result.notices, result.classification);
  // The row leaves (or, reissued, rejoins) the 待办 of everyone who signs for it: the unit's clerks, its named receiver.
  const { unitId, receiverId } = result.recipient;
  svc.notifications.nudgeTodo([
    ...(await unitPeople(svc.db, [unitId], ['clerk'])),
    ...(receiverId ? [receiverId] : []),
  ]);
  return { officialDocumentId: result.officialDocumentId, detail: result.detail };
}
