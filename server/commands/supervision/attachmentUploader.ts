// Someone who may report on a task uploads a file for a progress report or the acceptance evidence. Only PDF, Word,
// Excel and images pass (by content, not by name), up to the configured size; the bytes go to the sealed,
// content-addressed file store before the row is written, so a refused upload changes nothing.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Readable } from 'node:stream';
import { BadRequest } from '../../errors.ts';
import { authorizeTaskAction } from '../../policies/supervision.ts';
import type { Services } from '../../services.ts';
import { checkUpload, SNIFF_BYTES, type MaterialKind } from '../../storage/fileTypes.ts';
import { inTransaction } from '../../db/transaction.ts';
import { factsOf, loadTask } from '../../queries/supervision/taskFacts.ts';
import { oversightOf } from '../../queries/supervision/oversight.ts';

export interface Upload {
  fileName: string;
  mimeType: string;
  stream: Readable;
}

export async function uploadAttachment(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  taskId: string,
  upload: Upload,
): Promise<{ id: string; kind: MaterialKind; size: number }> {
  const task = await loadTask(svc.db, taskId);
  authorizeTaskAction(subject, factsOf(task), 'report_progress', await oversightOf(svc.db, subject));
  const fileName = upload.fileName.replace(/[\\/]/g, '_').slice(0, 200);
  let kind: MaterialKind | null = null;
  const stored = await svc.files.put(upload.stream, {
    maxBytes: svc.config.supervisionAttachmentMaxMb * 1024 * 1024,
    headBytes: SNIFF_BYTES,
    inspect(head) {
      const verdict = checkUpload(fileName, upload.mimeType, head);
      if (!verdict.ok) throw new BadRequest(verdict.code, verdict.message);
      kind = verdict.kind;
    },
  });
  if (!kind) throw new BadRequest('unsupported_file_type', 'The file type could not be determined');
  const fileKind: MaterialKind = kind;
  return inTransaction(svc, async (tx) => {
    // The task may have closed while the file was arriving.
    authorizeTaskAction(
      subject,
      factsOf(await loadTask(tx, taskId)),
      'report_progress',
      await oversightOf(tx, subject),
    );
    const row = await tx.supervisionAttachment.create({
      data: {
        taskId,
        fileName,
        kind: fileKind,
        size: stored.size,
        sha256: stored.sha256,
        uploadedById: subject.id,
        createdAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'supervision.attachment_upload',
      resourceType: 'supervision_task',
      resourceId: taskId,
      detail: { attachmentId: row.id, kind: fileKind, size: stored.size },
    });
    return { id: row.id, kind: fileKind, size: stored.size };
  });
}
