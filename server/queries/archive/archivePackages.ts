// Archive packages as the routes, the CLI and the jobs read them: one package with whether the caller reads the object
// it archives (under that object's own policy), the list a person may see (the unit's archivist: the unit's packages up
// to their clearance; anyone else: object by object, before paging, so totals never count what is hidden), and detail.
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { NotFound } from '../../errors.ts';
import { archiveVisibility, can, keepsArchiveOf, type ArchiveResource } from '../../policies/index.ts';
import { canViewOfficialDoc } from '../../policies/officialDocs.ts';
import { canViewTask } from '../../policies/supervision.ts';
import { documentWithAccess } from '../documents/documentAccess.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../officialDocs/officialDocFacts.ts';
import { oversightOf } from '../supervision/oversight.ts';
import { factsOf, loadTask } from '../supervision/taskFacts.ts';

export async function loadPackage(db: Db | Tx, id: string) {
  const pkg = await db.archivePackage.findUnique({ where: { id } });
  if (!pkg) throw new NotFound('archive package');
  return pkg;
}
export type LoadedPackage = Awaited<ReturnType<typeof loadPackage>>;

type PackageRef = Pick<LoadedPackage, 'id' | 'objectType' | 'objectId' | 'unitId' | 'classification'>;

/** Whether the subject reads the archived object itself, as the object's page would decide. */
export async function readsArchivedObject(db: Db | Tx, subject: Subject, pkg: PackageRef, at: Date): Promise<boolean> {
  try {
    switch (pkg.objectType) {
      case 'official_document': {
        const row = await loadOfficialDoc(db, pkg.objectId);
        return canViewOfficialDoc(subject, officialDocFacts(row), await principalsOf(db, subject.id, at));
      }
      case 'minutes': {
        const doc = await documentWithAccess(db, subject, pkg.objectId);
        return doc !== null && doc.access !== 'none';
      }
      case 'supervision_task': {
        const task = await loadTask(db, pkg.objectId);
        return canViewTask(subject, factsOf(task), await oversightOf(db, subject));
      }
      default:
        return false;
    }
  } catch (err) {
    if (err instanceof NotFound) return false;
    throw err;
  }
}

export async function packageResource(
  db: Db | Tx,
  subject: Subject,
  pkg: PackageRef,
  at: Date,
): Promise<ArchiveResource> {
  // The unit's archivist reads it without asking the object (the object may be another unit's 公文 it received).
  const readsObject = keepsArchiveOf(subject, pkg.unitId, pkg.classification)
    ? false
    : await readsArchivedObject(db, subject, pkg, at);
  return { kind: 'archive', id: pkg.id, unitId: pkg.unitId, classification: pkg.classification, readsObject };
}

export interface ArchiveListFilter {
  year?: number | undefined;
  unitId?: string | undefined;
  retention?: string | undefined;
  status?: string | undefined;
  destruction?: 'listed' | 'approved' | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listPackages(db: Db | Tx, subject: Subject, filter: ArchiveListFilter, at: Date) {
  const vis = archiveVisibility(subject);
  if (!vis.business) return { items: [], total: 0 };
  const where = {
    classification: { lte: vis.maxClassification },
    ...(filter.year === undefined ? {} : { year: filter.year }),
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.retention ? { retention: filter.retention } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.destruction ? { destruction: filter.destruction } : {}),
    ...(filter.q ? { OR: [{ title: { contains: filter.q } }, { archiveNumber: { contains: filter.q } }] } : {}),
  };
  const candidates = await db.archivePackage.findMany({
    where,
    select: { id: true, objectType: true, objectId: true, unitId: true, classification: true },
    orderBy: [{ year: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
  });
  const visible: string[] = [];
  for (const c of candidates) {
    const mine = vis.archivistOf !== null && vis.archivistOf.unitId === c.unitId;
    if (mine || (await readsArchivedObject(db, subject, c, at))) visible.push(c.id);
  }
  const pageIds = visible.slice((filter.page - 1) * filter.pageSize, filter.page * filter.pageSize);
  const rows = await db.archivePackage.findMany({ where: { id: { in: pageIds } } });
  const units = await db.unit.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.unitId))] } },
    select: { id: true, name: true },
  });
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total: visible.length,
    items: pageIds.map((id) => {
      const r = byId.get(id)!;
      return presentPackage(r, unitName.get(r.unitId) ?? '', subject);
    }),
  };
}

export function presentPackage(r: LoadedPackage, unitName: string, subject: Subject) {
  return {
    id: r.id,
    objectType: r.objectType,
    objectId: r.objectId,
    unit: { id: r.unitId, name: unitName },
    year: r.year,
    kind: r.kind,
    title: r.title,
    retention: r.retention,
    classification: r.classification,
    status: r.status,
    failure: r.failure,
    archiveNumber: r.archiveNumber,
    manifestSha256: r.manifestSha256,
    keepUntil: r.keepUntil,
    createdAt: r.createdAt.toISOString(),
    builtAt: r.builtAt?.toISOString() ?? null,
    sealedAt: r.sealedAt?.toISOString() ?? null,
    destruction: r.destruction,
    destructionApprovedAt: r.destructionApprovedAt?.toISOString() ?? null,
    destructionReason: r.destructionReason,
    manage: keepsArchiveOf(subject, r.unitId, r.classification),
  };
}

/** One package with its files and manifest; the caller has already been authorised to read it. */
export async function packageDetail(db: Db | Tx, subject: Subject, pkg: LoadedPackage) {
  const [files, unit] = await Promise.all([
    db.archiveFile.findMany({ where: { packageId: pkg.id }, orderBy: { path: 'asc' } }),
    db.unit.findUnique({ where: { id: pkg.unitId }, select: { name: true } }),
  ]);
  return {
    ...presentPackage(pkg, unit?.name ?? '', subject),
    files: files.map((f) => ({ path: f.path, role: f.role, sha256: f.sha256, size: f.size })),
    manifest: pkg.manifest,
  };
}

/** Whether the subject may read the package: what the routes check before any read of it. */
export function mayReadPackage(subject: Subject, resource: ArchiveResource): boolean {
  return can(subject, 'archive.read', resource);
}
