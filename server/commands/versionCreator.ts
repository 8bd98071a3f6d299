// Freezes the document's current state as a named, immutable version (on demand or at a workflow step).
import { createHash } from 'node:crypto';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { recordAudit, type RequestContext } from '../audit/auditLog.ts';
import { documentSchema, DOCUMENT_FIELD } from '../../collab/schema/documentSchema.ts';
import { RICH_TEXT_KINDS } from '../../collab/schema/documentKinds.ts';
import { sealBytes } from '../security/cipher.ts';
import type { Services } from '../services.ts';
import { inTransaction } from './transaction.ts';

export type VersionReason = 'manual' | 'submitted' | 'confirmed' | 'finalised' | 'restored' | 'review';

/** A stable hash of what the document says (content and marks), for signing finalised versions. */
export function contentHash(state: Uint8Array, kind: string): string {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, state);
  const content = RICH_TEXT_KINDS.includes(kind)
    ? JSON.stringify(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), documentSchema()).toJSON())
    : JSON.stringify(doc.toJSON());
  doc.destroy();
  return createHash('sha256').update(content).digest('hex');
}

export async function createVersion(svc: Services, ctx: RequestContext, documentId: string, name: string, reason: VersionReason): Promise<{ id: string; contentHash: string }> {
  const doc = await svc.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { kind: true } });
  const state = await svc.collab.currentState(documentId);
  const hash = contentHash(state, doc.kind);
  return inTransaction(svc, async (tx) => {
    const version = await tx.documentVersion.create({
      data: { documentId, name, reason, state: sealBytes(svc.keys.master, state, `version:${documentId}`), contentHash: hash, createdById: ctx.actor?.id ?? '', createdAt: ctx.at },
    });
    await recordAudit(tx, ctx, { action: 'document.version_create', resourceType: 'document', resourceId: documentId, detail: { versionId: version.id, reason, contentHash: hash } });
    return { id: version.id, contentHash: hash };
  });
}
