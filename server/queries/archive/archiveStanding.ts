// Where an object that is archived on demand (closed minutes, a completed supervision task) stands in the archive, for
// the page that shows it: its package's state (requested, built, sealed with its 档号) and whether this person may ask to
// archive it now — the same policy (archive.request) the request itself answers to.
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { can } from '../../policies/index.ts';

export type ArchiveStandingStatus = 'queued' | 'built' | 'sealed';

export interface ArchiveStanding {
  /** The package's state, null when none was asked for. */
  status: ArchiveStandingStatus | null;
  /** 档号, once sealed. */
  archiveNumber: string | null;
  /** This person may ask for it now (finished, not yet archived, archive.request allows it). */
  canRequest: boolean;
}

export interface ArchiveSourceFacts {
  objectType: 'minutes' | 'supervision_task';
  /** The minutes' document id, or the task's id: what the package names. */
  objectId: string;
  unitId: string;
  classification: number;
  /** Minutes closed, task completed. */
  finished: boolean;
  /** The subject reads the object under its own policy (the page showing it has asked). */
  readsObject: boolean;
}

export async function archiveStandingOf(
  db: Db | Tx,
  subject: Subject,
  o: ArchiveSourceFacts,
): Promise<ArchiveStanding> {
  const pkg = await db.archivePackage.findUnique({
    where: { objectType_objectId: { objectType: o.objectType, objectId: o.objectId } },
    select: { status: true, archiveNumber: true },
  });
  if (pkg) return { status: pkg.status as ArchiveStandingStatus, archiveNumber: pkg.archiveNumber, canRequest: false };
  return {
    status: null,
    archiveNumber: null,
    canRequest:
      o.finished &&
      can(subject, 'archive.request', {
        kind: 'archiveSource',
        unitId: o.unitId,
        classification: o.classification,
        readsObject: o.readsObject,
      }),
  };
}
