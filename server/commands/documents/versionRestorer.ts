// Restores an old version as the new current state. History is kept: the current state is saved as a version first,
// and the restore is an ordinary change on top, so every earlier version stays viewable.
import { yXmlFragmentToProseMirrorRootNode, updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { documentSchema, DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { InvalidState, NotFound } from '../../errors.ts';
import { openBytes } from '../../security/cipher.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { createVersion } from './versionCreator.ts';

export async function restoreVersion(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  versionId: string,
): Promise<void> {
  const version = await svc.db.documentVersion.findFirst({ where: { id: versionId, documentId } });
  if (!version) throw new NotFound('version');
  const doc = await svc.db.document.findUniqueOrThrow({ where: { id: documentId } });
  if (doc.kind !== 'draft' && doc.kind !== 'minutes')
    throw new InvalidState('not_restorable', 'Only text documents can be restored');
  await createVersion(svc, ctx, documentId, `恢复前 / before restoring “${version.name}”`, 'restored');
  const old = new Y.Doc({ gc: false });
  Y.applyUpdate(old, openBytes(svc.keys.atRest, version.state, `version:${documentId}`));
  const schema = documentSchema();
  const target = yXmlFragmentToProseMirrorRootNode(old.getXmlFragment(DOCUMENT_FIELD), schema);
  old.destroy();
  await svc.collab.transact(documentId, ctx.actor?.id ?? '', (ydoc) => {
    updateYFragment(ydoc, ydoc.getXmlFragment(DOCUMENT_FIELD), target, { mapping: new Map(), isOMark: new Map() });
  });
  await inTransaction(svc, (tx) =>
    recordAudit(tx, ctx, {
      action: 'document.version_restore',
      resourceType: 'document',
      resourceId: documentId,
      detail: { versionId },
    }),
  );
}
