// A document's versions, newest first, as the version list shows them: who took each, and for a version the system
// named, its name key with the parameters the reader's language needs (the decider's display name, how many decisions).
import type { Db } from '../../db/client.ts';
import { isVersionNameKey, reviewDecisionParams, type VersionNameKey } from '../../domain/documents/versionNames.ts';

export interface VersionListItem {
  id: string;
  name: string;
  nameKey: VersionNameKey | null;
  /** review_decisions: who decided (display name, null if unknown) and how many; null on rows from before they existed. */
  nameParams: { by: string | null; byId: string; decisions: number } | null;
  reason: string;
  contentHash: string;
  createdById: string;
  createdByName: string | null;
  createdAt: string;
}

export async function listVersions(db: Db, documentId: string): Promise<VersionListItem[]> {
  const rows = await db.documentVersion.findMany({
    where: { documentId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      name: true,
      nameKey: true,
      nameParams: true,
      reason: true,
      contentHash: true,
      createdById: true,
      createdAt: true,
    },
  });
  const params = new Map(
    rows.map((r) => [r.id, r.nameKey === 'review_decisions' ? reviewDecisionParams(r.nameParams) : null] as const),
  );
  const people = new Set([
    ...rows.map((r) => r.createdById),
    ...[...params.values()].flatMap((p) => (p ? [p.byId] : [])),
  ]);
  const users = await db.user.findMany({ where: { id: { in: [...people] } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName] as const));
  return rows.map((r) => {
    const p = params.get(r.id) ?? null;
    return {
      id: r.id,
      name: r.name,
      nameKey: isVersionNameKey(r.nameKey) ? r.nameKey : null,
      nameParams: p ? { by: names.get(p.byId) ?? null, byId: p.byId, decisions: p.decisions } : null,
      reason: r.reason,
      contentHash: r.contentHash,
      createdById: r.createdById,
      createdByName: names.get(r.createdById) ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
