// 销毁鉴定: the retention job lists sealed packages past their period (never destroys anything), and the unit's 档案员
// approves each destruction with a reason, audited. Approval records the decision; the files stay until the physical
// destruction procedure outside the system, and the package keeps its record (档号, manifest) for good.
import { DESTRUCTION_REASON_MAX } from '../../../common/archive/archive.ts';
import { shanghaiDateOf } from '../../../common/calendar/isoDate.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { BadRequest, Conflict } from '../../errors.ts';
import { authorize } from '../../policies/index.ts';
import { loadPackage, packageResource } from '../../queries/archive/archivePackages.ts';
import type { Services } from '../../services.ts';
import { auditingRefusals } from '../officialDocs/refusalAudit.ts';
import { schedulerContext } from './archivePackager.ts';

/** Lists every sealed package past its last day kept (today in China) for the archivist; returns how many were new. */
export async function listExpiredPackages(svc: Services, at: Date): Promise<number> {
  const today = shanghaiDateOf(at);
  const due = await svc.db.archivePackage.findMany({
    where: { status: 'sealed', destruction: null, keepUntil: { not: null, lt: today } },
    select: { id: true, archiveNumber: true, keepUntil: true },
  });
  let listed = 0;
  for (const p of due)
    await inTransaction(svc, async (tx) => {
      const { count } = await tx.archivePackage.updateMany({
        where: { id: p.id, destruction: null },
        data: { destruction: 'listed', destructionListedAt: at, revision: { increment: 1 } },
      });
      if (count !== 1) return;
      listed += 1;
      await recordAudit(tx, schedulerContext(svc, at), {
        action: 'archive.destruction.list',
        resourceType: 'archive_package',
        resourceId: p.id,
        detail: { archiveNumber: p.archiveNumber, keepUntil: p.keepUntil },
      });
    });
  return listed;
}

export async function approveDestruction(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  reason: string,
): Promise<void> {
  const audit = { action: 'archive.destruction.approve', resourceType: 'archive_package', resourceId: id };
  await auditingRefusals(
    svc,
    ctx,
    audit,
    () =>
      inTransaction(svc, async (tx) => {
        const pkg = await loadPackage(tx, id);
        authorize(subject, 'archive.manage', await packageResource(tx, subject, pkg, ctx.at));
        const text = reason.trim();
        if (!text || text.length > DESTRUCTION_REASON_MAX)
          throw new BadRequest(
            'reason_required',
            `A reason of 1–${DESTRUCTION_REASON_MAX} characters is required (须填写销毁理由)`,
          );
        if (pkg.destruction !== 'listed')
          throw new Conflict(
            'not_listed_for_destruction',
            'Only a package past its retention period and listed for destruction can be approved (仅可批准已到期并列入销毁清单的档案)',
          );
        const { count } = await tx.archivePackage.updateMany({
          where: { id, revision: pkg.revision, destruction: 'listed' },
          data: {
            destruction: 'approved',
            destructionApprovedById: subject.id,
            destructionApprovedAt: ctx.at,
            destructionReason: text,
            revision: { increment: 1 },
          },
        });
        if (count !== 1) throw new Conflict('archive_changed', 'The package changed meanwhile (档案包已被他人更改)');
        await recordAudit(tx, ctx, {
          ...audit,
          detail: { archiveNumber: pkg.archiveNumber, keepUntil: pkg.keepUntil },
        });
      }),
    { auditNotFound: false },
  );
}
