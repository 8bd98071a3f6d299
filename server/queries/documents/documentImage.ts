// An image shown in a document: where its content sits in the file store, if the document has it.
import type { Db } from '../../db/client.ts';

export async function documentImageHash(db: Db, documentId: string, imageId: string): Promise<string | null> {
  const image = await db.documentImage.findFirst({ where: { id: imageId, documentId }, select: { sha256: true } });
  return image?.sha256 ?? null;
}
