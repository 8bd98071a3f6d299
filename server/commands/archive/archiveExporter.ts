// Exporting a sealed archive package as a zip an archive system takes in: manifest.json (as sealed) at the root and
// every file at its path. Each file is read back through the store (authenticated, checked against its SHA-256); taking
// a package out of the system is audited.
import { zipSync } from 'fflate';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { Conflict } from '../../errors.ts';
import { authorize } from '../../policies/index.ts';
import { loadPackage, packageResource } from '../../queries/archive/archivePackages.ts';
import type { Services } from '../../services.ts';

export async function exportPackage(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
): Promise<{ body: Buffer; filename: string }> {
  const pkg = await loadPackage(svc.db, id);
  authorize(subject, 'archive.read', await packageResource(svc.db, subject, pkg, ctx.at));
  if (pkg.status !== 'sealed' || !pkg.manifest || !pkg.archiveNumber)
    throw new Conflict('archive_not_sealed', 'Only a sealed package can be exported (档案包封存后方可导出)');
  const files = await svc.db.archiveFile.findMany({ where: { packageId: id }, orderBy: { path: 'asc' } });
  const entries: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(pkg.manifest, 'utf8') };
  for (const f of files) entries[f.path] = await svc.files.read(f.sha256);
  const body = Buffer.from(zipSync(entries, { level: 6, mtime: pkg.sealedAt ?? ctx.at }));
  await inTransaction(svc, (tx) =>
    recordAudit(tx, ctx, {
      action: 'archive.export',
      resourceType: 'archive_package',
      resourceId: id,
      detail: { archiveNumber: pkg.archiveNumber, files: files.length, bytes: body.length },
    }),
  );
  return { body, filename: `${pkg.archiveNumber}.zip` };
}
