// 归档 on demand: finalised (closed) minutes and closed (completed) supervision tasks are packaged when their unit's
// 档案员 — or a clerk of the unit who reads them — asks. The package is queued in the transaction that freezes the
// object (minutes: their document becomes archived, read-only for everyone; a completed task allows nothing already)
// and is audited; the archive job builds it. Someone who may not read the object gets the same 404 as for no object.
import { shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { defaultRetention } from '../../domain/archive/archiveRules.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { authorize, keepsArchiveOf } from '../../policies/index.ts';
import { readsArchivedObject } from '../../queries/archive/archivePackages.ts';
import { loadMinutesForArchive, loadTaskForArchive } from '../../queries/archive/onDemandSources.ts';
import type { Services } from '../../services.ts';
import { auditingRefusals } from '../officialDocs/refusalAudit.ts';

export type OnDemandType = 'minutes' | 'supervision_task';

export async function requestArchive(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  objectType: OnDemandType,
  objectId: string,
): Promise<{ packageId: string }> {
  const audit = { action: 'archive.request', resourceType: 'archive_package', resourceId: null };
  return auditingRefusals(
    svc,
    ctx,
    audit,
    () =>
      inTransaction(svc, async (tx) => {
        const facts =
          objectType === 'minutes'
            ? await loadMinutesForArchive(tx, objectId).then(({ minutes, doc }) => ({
                finished: minutes.status === 'closed',
                unitId: doc.unitId,
                classification: doc.classification,
                year: Number(shanghaiDateOf(minutes.closedAt ?? ctx.at).slice(0, 4)),
                kind: 'minutes',
                title: doc.title,
                documentId: doc.id as string | null,
              }))
            : await loadTaskForArchive(tx, objectId).then((task) => ({
                finished: task.status === 'completed',
                unitId: task.leadUnitId,
                classification: task.classification,
                year: task.year,
                kind: 'supervision_task',
                title: task.title,
                documentId: null as string | null,
              }));
        const ref = { id: '', objectType, objectId, unitId: facts.unitId, classification: facts.classification };
        const readsObject = await readsArchivedObject(tx, subject, ref, ctx.at);
        if (!readsObject && !keepsArchiveOf(subject, facts.unitId, facts.classification))
          throw new NotFound(objectType === 'minutes' ? 'minutes' : 'task');
        authorize(subject, 'archive.request', {
          kind: 'archiveSource',
          unitId: facts.unitId,
          classification: facts.classification,
          readsObject,
        });
        if (!facts.finished)
          throw new Conflict(
            'not_finished',
            'Only closed minutes and completed tasks are archived (仅可归档已定稿的纪要和已办结的督办事项)',
          );
        if (await tx.archivePackage.findUnique({ where: { objectType_objectId: { objectType, objectId } } }))
          throw new Conflict('already_archived', 'It is already archived (已归档)');
        const pkg = await tx.archivePackage.create({
          data: {
            objectType,
            objectId,
            unitId: facts.unitId,
            year: facts.year,
            kind: facts.kind,
            title: facts.title,
            retention: defaultRetention(objectType, facts.kind),
            classification: facts.classification,
            requestedById: subject.id,
            createdAt: ctx.at,
          },
        });
        if (facts.documentId)
          await tx.document.update({
            where: { id: facts.documentId },
            data: { status: 'archived', updatedAt: ctx.at },
          });
        await recordAudit(tx, ctx, {
          ...audit,
          resourceId: pkg.id,
          detail: { objectType, objectId, retention: pkg.retention },
        });
        return { packageId: pkg.id };
      }),
    { auditNotFound: false },
  );
}
