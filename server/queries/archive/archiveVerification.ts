// Checks a sealed archive package: the manifest still hashes to what was sealed, lists exactly the package's files, and
// every file's content in the store still has the SHA-256 the manifest gives. Names each file that fails.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { FileStore } from '../../storage/fileStore.ts';
import type { LoadedPackage } from './archivePackages.ts';

export interface ManifestFile {
  path: string;
  role: string;
  sha256: string;
  size: number;
}

export interface PackageVerdict {
  packageId: string;
  archiveNumber: string | null;
  ok: boolean;
  checked: number;
  problems: Array<{ path: string; problem: 'missing' | 'altered' | 'unlisted' | 'manifest_altered' | 'not_sealed' }>;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export async function verifyPackage(db: Db, files: FileStore, pkg: LoadedPackage): Promise<PackageVerdict> {
  const verdict: PackageVerdict = {
    packageId: pkg.id,
    archiveNumber: pkg.archiveNumber,
    ok: false,
    checked: 0,
    problems: [],
  };
  if (pkg.status !== 'sealed' || !pkg.manifest) {
    verdict.problems.push({ path: 'manifest.json', problem: 'not_sealed' });
    return verdict;
  }
  if (sha256(pkg.manifest) !== pkg.manifestSha256)
    verdict.problems.push({ path: 'manifest.json', problem: 'manifest_altered' });
  const listed = (JSON.parse(pkg.manifest) as { files: ManifestFile[] }).files;
  const rows = await db.archiveFile.findMany({ where: { packageId: pkg.id } });
  const listedPaths = new Set(listed.map((f) => f.path));
  for (const row of rows)
    if (!listedPaths.has(row.path)) verdict.problems.push({ path: row.path, problem: 'unlisted' });
  for (const f of listed) {
    verdict.checked += 1;
    const row = rows.find((r) => r.path === f.path);
    if (!row || row.sha256 !== f.sha256) {
      verdict.problems.push({ path: f.path, problem: row ? 'altered' : 'missing' });
      continue;
    }
    if (!(await files.has(f.sha256))) {
      verdict.problems.push({ path: f.path, problem: 'missing' });
      continue;
    }
    try {
      // The store authenticates the sealed bytes and checks them against their address; the manifest's hash again here.
      const content = await files.read(f.sha256);
      if (sha256(content) !== f.sha256 || content.length !== f.size)
        verdict.problems.push({ path: f.path, problem: 'altered' });
    } catch {
      verdict.problems.push({ path: f.path, problem: 'altered' });
    }
  }
  verdict.ok = verdict.problems.length === 0;
  return verdict;
}

/** How the CLI prints a verdict. */
export function describePackageVerdict(v: PackageVerdict): string {
  const name = v.archiveNumber ?? v.packageId;
  if (v.ok) return `OK ${name}: ${v.checked} files match the manifest`;
  return `FAILED ${name}: ${v.problems.map((p) => `${p.path} (${p.problem})`).join(', ')}`;
}

/** The sealed packages named by a 档号 (or every sealed one for `all`), each verified; null when no such 档号. */
export async function verifyPackages(db: Db, files: FileStore, ref: string): Promise<PackageVerdict[] | null> {
  const packages = await db.archivePackage.findMany({
    where: ref === 'all' ? { status: 'sealed' } : { OR: [{ archiveNumber: ref }, { id: ref }] },
    orderBy: { archiveNumber: 'asc' },
  });
  if (ref !== 'all' && packages.length === 0) return null;
  const verdicts: PackageVerdict[] = [];
  for (const pkg of packages) verdicts.push(await verifyPackage(db, files, pkg));
  return verdicts;
}
