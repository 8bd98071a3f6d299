// Freezes the document's current state as a named, immutable version (on demand or at a workflow step). Any new
// version ends the owner's open review session, so the next accept or reject is kept apart from what came before.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { contentHash } from '../../domain/documents/contentHash.ts';
import {
  VERSION_NAME_FALLBACK,
  type VersionNameKey,
  type VersionNameParams,
} from '../../domain/documents/versionNames.ts';
import { sealBytes } from '../../security/cipher.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

export type VersionReason = 'manual' | 'submitted' | 'confirmed' | 'finalised' | 'restored' | 'review';

/** A name the system gives, rendered in each reader's language from its key; `name` then holds the zh-CN fallback. */
export type VersionLabel = { [K in VersionNameKey]: { key: K; params: VersionNameParams[K] } }[VersionNameKey];

export async function createVersion(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  name: string | VersionLabel,
  reason: VersionReason,
): Promise<{ id: string; contentHash: string }> {
  const doc = await svc.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { kind: true } });
  const state = await svc.collab.currentState(documentId);
  const hash = contentHash(state, doc.kind, svc.config.hash);
  const named =
    typeof name === 'string'
      ? { name }
      : { name: VERSION_NAME_FALLBACK[name.key], nameKey: name.key, nameParams: JSON.stringify(name.params) };
  return inTransaction(svc, async (tx) => {
    const version = await tx.documentVersion.create({
      data: {
        documentId,
        ...named,
        reason,
        state: sealBytes(svc.keys.atRest, state, `version:${documentId}`),
        contentHash: hash,
        createdById: ctx.actor?.id ?? '',
        createdAt: ctx.at,
      },
    });
    await tx.reviewSession.deleteMany({ where: { documentId } });
    await recordAudit(tx, ctx, {
      action: 'document.version_create',
      resourceType: 'document',
      resourceId: documentId,
      detail: { versionId: version.id, reason, contentHash: hash },
    });
    return { id: version.id, contentHash: hash };
  });
}
