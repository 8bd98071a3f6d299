// The attachments (附件) of a 公文: the list its readers see (in 附件说明 order, uploader by name), one attachment to
// serve, and the manifest a seal signs (number, name, SM3 and size of each file).
import type { Db, Tx } from '../../db/client.ts';
import { NotFound } from '../../errors.ts';
import type { AttachmentDigest } from '../../security/documentSeal.ts';
import { displayNames } from '../users/displayNames.ts';

export async function attachmentRows(db: Db | Tx, officialDocumentId: string) {
  return db.officialDocumentAttachment.findMany({ where: { officialDocumentId }, orderBy: { number: 'asc' } });
}

export type AttachmentRow = Awaited<ReturnType<typeof attachmentRows>>[number];

/** The attachments as the API shows them. */
export async function attachmentList(db: Db, officialDocumentId: string) {
  const rows = await attachmentRows(db, officialDocumentId);
  const names = await displayNames(db, new Set(rows.map((r) => r.uploadedById)));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    name: r.name,
    fileName: r.fileName,
    kind: r.kind,
    size: r.size,
    sm3: r.sm3,
    uploadedBy: { id: r.uploadedById, name: names.get(r.uploadedById) ?? '' },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** One attachment of this 公文; 404 when it is not one of its attachments. */
export async function attachmentOf(db: Db | Tx, officialDocumentId: string, attachmentId: string) {
  const row = await db.officialDocumentAttachment.findFirst({ where: { id: attachmentId, officialDocumentId } });
  if (!row) throw new NotFound('attachment');
  return row;
}

/** What a seal signs of the attachments: each file's number, name, SM3 and size, in order. */
export function attachmentManifest(rows: readonly AttachmentRow[]): AttachmentDigest[] {
  return rows.map((r) => ({ number: r.number, name: r.name, sm3: r.sm3, size: r.size }));
}
