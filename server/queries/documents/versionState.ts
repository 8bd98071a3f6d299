// A stored version's Yjs state, unsealed; 404 when the document has no such version.
import { NotFound } from '../../errors.ts';
import { openBytes } from '../../security/cipher.ts';
import type { CoreServices } from '../../services.ts';

export async function versionState(
  svc: Pick<CoreServices, 'db' | 'keys'>,
  documentId: string,
  versionId: string,
): Promise<Uint8Array> {
  const v = await svc.db.documentVersion.findFirst({ where: { id: versionId, documentId } });
  if (!v) throw new NotFound('version');
  return openBytes(svc.keys.atRest, v.state, `version:${documentId}`);
}
