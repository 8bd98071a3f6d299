// Who reads and keeps archive packages (归档): a package is read by whoever reads the object it archives (the object's
// own policy, asked by the query that loads the package) and by its unit's 档案员 cleared for its 密级; only that
// archivist seals it, sets its 保管期限 before sealing and approves its destruction. Nobody changes a sealed package.
import type { Subject } from '../auth/subject.ts';
import { business, clearedFor, isArchivist } from './predicates.ts';

/** A package as the rules see it; `readsObject`: the subject reads the archived object under its own policy. */
export interface ArchiveResource {
  kind: 'archive';
  id: string;
  unitId: string;
  classification: number;
  readsObject: boolean;
}

/** An object someone asks to archive on demand (finalised minutes, a closed supervision task). */
export interface ArchiveSourceResource {
  kind: 'archiveSource';
  unitId: string;
  classification: number;
  readsObject: boolean;
}

/** The unit's 档案员, cleared for the 密级. */
export const keepsArchiveOf = (s: Subject, unitId: string, classification: number): boolean =>
  business(s) && isArchivist(s) && s.unitId === unitId && clearedFor(s, classification);

type Rule = (s: Subject, r: { kind: string }) => boolean;
const onPackage =
  (rule: (s: Subject, p: ArchiveResource) => boolean): Rule =>
  (s, r) =>
    r.kind === 'archive' && rule(s, r as ArchiveResource);

export const archiveRules = {
  /** The 档案 page: business users (each sees what the visibility below lets through). */
  'archive.list': (s: Subject) => business(s),
  'archive.read': onPackage(
    (s, p) =>
      business(s) &&
      clearedFor(s, p.classification) &&
      (p.readsObject || keepsArchiveOf(s, p.unitId, p.classification)),
  ),
  /** Seal, set the 保管期限 before sealing, approve destruction: the unit's archivist. */
  'archive.manage': onPackage((s, p) => keepsArchiveOf(s, p.unitId, p.classification)),
  /** Archive finalised minutes or a closed task on demand: the unit's archivist, or a clerk of the unit who reads it. */
  'archive.request': (s: Subject, r: { kind: string }) => {
    if (r.kind !== 'archiveSource') return false;
    const o = r as ArchiveSourceResource;
    return (
      keepsArchiveOf(s, o.unitId, o.classification) ||
      (o.readsObject && business(s) && s.unitId === o.unitId && s.roles.includes('clerk'))
    );
  },
};

/** Packages a subject finds by unit alone (as their unit's archivist, up to their clearance); others, object by object. */
export interface ArchiveVisibility {
  archivistOf: { unitId: string; maxClassification: number } | null;
  maxClassification: number;
  business: boolean;
}

export function archiveVisibility(s: Subject): ArchiveVisibility {
  return {
    archivistOf: business(s) && isArchivist(s) ? { unitId: s.unitId, maxClassification: s.clearance } : null,
    maxClassification: s.clearance,
    business: business(s),
  };
}
