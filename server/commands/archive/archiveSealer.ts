// Sealing an archive package (封存) by its unit's 档案员: the 档号 (机构代码-年度-保管期限-件号) is allocated from the
// counter in the same transaction that fixes the manifest (every file's path, role, SHA-256 and size), its SHA-256 and
// the last day kept, and records the audit event — so numbers never repeat, even when many seal at once. Before
// sealing the archivist may change the 保管期限; after it nothing about the package changes (a trigger holds it too).
import { createHash } from 'node:crypto';
import { RETENTIONS, type Retention } from '../../../common/archive/archive.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { formatArchiveNumber, keepUntil, unitArchiveCode } from '../../domain/archive/archiveRules.ts';
import { Conflict } from '../../errors.ts';
import { authorize } from '../../policies/index.ts';
import { loadPackage, packageResource } from '../../queries/archive/archivePackages.ts';
import type { Services } from '../../services.ts';
import { auditingRefusals } from '../officialDocs/refusalAudit.ts';

export const MANIFEST_FORMAT = 'tongban-archive/1';

export async function sealPackage(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
): Promise<{ archiveNumber: string }> {
  const audit = { action: 'archive.seal', resourceType: 'archive_package', resourceId: id };
  return auditingRefusals(
    svc,
    ctx,
    audit,
    () =>
      inTransaction(svc, async (tx) => {
        const pkg = await loadPackage(tx, id);
        authorize(subject, 'archive.manage', await packageResource(tx, subject, pkg, ctx.at));
        if (pkg.status === 'sealed')
          throw new Conflict('archive_sealed', 'The package is already sealed (档案已封存，不可更改)');
        if (pkg.status !== 'built')
          throw new Conflict('archive_not_built', 'The package is still being built (档案包尚未生成完毕)');
        const retention = pkg.retention as Retention;
        const unit = await tx.unit.findUniqueOrThrow({ where: { id: pkg.unitId } });
        // One statement moves the counter: concurrent seals each see their own value.
        const key = { unitId: pkg.unitId, year: pkg.year, retention };
        const counter = await tx.archiveNumberCounter.upsert({
          where: { unitId_year_retention: key },
          create: { ...key, next: 2, updatedAt: ctx.at },
          update: { next: { increment: 1 }, updatedAt: ctx.at },
        });
        const seq = counter.next - 1;
        const code = unitArchiveCode(unit);
        const archiveNumber = formatArchiveNumber(code, pkg.year, retention, seq);
        const files = await tx.archiveFile.findMany({ where: { packageId: id }, orderBy: { path: 'asc' } });
        const manifest = JSON.stringify({
          format: MANIFEST_FORMAT,
          archiveNumber,
          fonds: { unitId: unit.id, unit: unit.name, code },
          year: pkg.year,
          retention: { key: retention, label: RETENTIONS[retention].zh },
          classification: pkg.classification,
          object: { type: pkg.objectType, id: pkg.objectId, kind: pkg.kind, title: pkg.title },
          sealedAt: ctx.at.toISOString(),
          sealedBy: subject.displayName,
          files: files.map((f) => ({ path: f.path, role: f.role, sha256: f.sha256, size: f.size })),
        });
        const manifestSha256 = createHash('sha256').update(manifest).digest('hex');
        const { count } = await tx.archivePackage.updateMany({
          where: { id, status: 'built', revision: pkg.revision },
          data: {
            status: 'sealed',
            archiveNumber,
            itemSeq: seq,
            manifest,
            manifestSha256,
            keepUntil: keepUntil(pkg.year, retention),
            sealedAt: ctx.at,
            sealedById: subject.id,
            revision: { increment: 1 },
          },
        });
        if (count !== 1) throw new Conflict('archive_changed', 'The package changed meanwhile (档案包已被他人更改)');
        await recordAudit(tx, ctx, {
          ...audit,
          detail: { archiveNumber, manifestSha256, files: files.length, retention },
        });
        return { archiveNumber };
      }),
    { auditNotFound: false },
  );
}

/** The 保管期限 of a package not yet sealed, set by its unit's archivist. */
export async function setRetention(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  retention: Retention,
): Promise<void> {
  const audit = { action: 'archive.retention', resourceType: 'archive_package', resourceId: id };
  await auditingRefusals(
    svc,
    ctx,
    audit,
    () =>
      inTransaction(svc, async (tx) => {
        const pkg = await loadPackage(tx, id);
        authorize(subject, 'archive.manage', await packageResource(tx, subject, pkg, ctx.at));
        if (pkg.status === 'sealed')
          throw new Conflict('archive_sealed', 'The package is already sealed (档案已封存，不可更改)');
        const { count } = await tx.archivePackage.updateMany({
          where: { id, revision: pkg.revision, status: { not: 'sealed' } },
          data: { retention, revision: { increment: 1 } },
        });
        if (count !== 1) throw new Conflict('archive_changed', 'The package changed meanwhile (档案包已被他人更改)');
        await recordAudit(tx, ctx, { ...audit, detail: { from: pkg.retention, to: retention } });
      }),
    { auditNotFound: false },
  );
}
