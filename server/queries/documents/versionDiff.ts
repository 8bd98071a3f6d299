// The differences between two versions of a document (or a version and its current state), block by block and
// coloured by author, with the authors' names.
import type { Services } from '../../services.ts';
import { diffVersions, type DiffBlock } from '../../../collab/history/versionDiff.ts';
import * as Y from 'yjs';
import { displayNames } from '../users/displayNames.ts';
import { versionState } from './versionState.ts';

export interface VersionDiff {
  from: string;
  to: string;
  blocks: DiffBlock[];
  authors: Record<string, string>;
}

/** `to` is a version id or 'current'. */
export async function versionDiff(svc: Services, documentId: string, from: string, to: string): Promise<VersionDiff> {
  const older = await versionState(svc, documentId, from);
  const newer = to === 'current' ? await svc.collab.currentState(documentId) : await versionState(svc, documentId, to);
  const blocks = diffVersions(older, Y.mergeUpdates([older, newer]));
  const authorIds = new Set(
    blocks.flatMap((b) => [b.authorId, ...b.segments.map((s) => s.authorId)]).filter((x): x is string => x !== null),
  );
  return { from, to, blocks, authors: Object.fromEntries(await displayNames(svc.db, authorIds)) };
}
