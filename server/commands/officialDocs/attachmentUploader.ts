// The drafter attaches a file to a 公文 (附件): streamed into the encrypted, content-addressed store with its type
// checked by its bytes (as meeting materials are) and its SM3 computed on the way, then recorded as the next 附件 and
// named in the 附件说明 — in one transaction with its audit event. A refused upload writes nothing; a database failure
// after the bytes are stored leaves at most an unreferenced blob, which holds no meaning without its row.
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import type { Services } from '../../services.ts';
import { checkUpload, SNIFF_BYTES } from '../../storage/fileTypes.ts';
import { safeFileName } from '../meetings/materialUploader.ts';
import { attachmentName, editableAttachments, MAX_ATTACHMENTS, syncAttachmentNotes } from './attachmentEditing.ts';
import { auditingRefusals } from './refusalAudit.ts';

export interface AttachmentUpload {
  /** The name in the 附件说明; the file's name without its extension when not given. */
  name: string | null;
  fileName: string;
  mimeType: string;
  stream: Readable;
}

/** Passes the bytes through while computing their SM3 (what the seal's manifest holds). */
function sm3Tap(): { tap: Transform; digest: () => string } {
  const hash = createHash('sm3');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { tap, digest: () => hash.digest('hex') };
}

export async function uploadAttachment(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  upload: AttachmentUpload,
): Promise<{ id: string }> {
  const audit = { action: 'officialDoc.attachment.upload', resourceType: 'official_document', resourceId: id };
  return auditingRefusals(svc, ctx, audit, async () => {
    // Refuse before reading a byte when the drafter may not change the attachments now; checked again below.
    await editableAttachments(svc.db, subject, id, ctx.at);
    const fileName = safeFileName(upload.fileName);
    if (!fileName) throw officialDocError(400, 'attachment_type');
    const name = attachmentName(upload.name ?? fileName.replace(/\.[^.]+$/, ''));
    let kind = '';
    const { tap, digest } = sm3Tap();
    upload.stream.on('error', (err) => tap.destroy(err));
    const stored = await svc.files.put(upload.stream.pipe(tap), {
      maxBytes: svc.config.maxUploadMb * 1024 * 1024,
      headBytes: SNIFF_BYTES,
      inspect: (head) => {
        const verdict = checkUpload(fileName, upload.mimeType, head);
        if (!verdict.ok) throw officialDocError(400, 'attachment_type', verdict.message);
        kind = verdict.kind;
      },
    });
    const sm3 = digest();
    return inTransaction(svc, async (tx) => {
      const { rows } = await editableAttachments(tx, subject, id, ctx.at);
      if (rows.length >= MAX_ATTACHMENTS) throw officialDocError(409, 'attachment_limit');
      // Transactions on the database run one at a time, so the last number read here is still the last one.
      const number = rows.length + 1;
      const attachment = await tx.officialDocumentAttachment.create({
        data: {
          officialDocumentId: id,
          number,
          name,
          fileName,
          kind,
          size: stored.size,
          sha256: stored.sha256,
          sm3,
          uploadedById: subject.id,
          createdAt: ctx.at,
          updatedAt: ctx.at,
        },
      });
      await syncAttachmentNotes(tx, id, ctx.at);
      await recordAudit(tx, ctx, {
        action: 'officialDoc.attachment.upload',
        resourceType: 'official_document',
        resourceId: id,
        detail: { attachmentId: attachment.id, number, kind, size: stored.size, sm3 },
      });
      return { id: attachment.id };
    });
  });
}
