// Opens a task attachment for download: the bytes from the sealed store and an audit event, for whoever may see the
// task; a file not yet sent with a report is its uploader's draft and does not exist for anyone else.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { NotFound } from '../../errors.ts';
import { can, concealed, taskResource } from '../../policies/index.ts';
import { maySeeAttachment } from '../../policies/supervision.ts';
import { oversightOf } from '../../queries/supervision/oversight.ts';
import { factsOf, loadTask } from '../../queries/supervision/taskFacts.ts';
import type { Services } from '../../services.ts';
import type { MaterialKind } from '../../storage/fileTypes.ts';

export async function openAttachment(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  attachmentId: string,
): Promise<{ content: Buffer; kind: MaterialKind; fileName: string }> {
  const row = await svc.db.supervisionAttachment.findUnique({ where: { id: attachmentId } });
  if (!row) throw new NotFound('attachment');
  const task = await loadTask(svc.db, row.taskId);
  const resource = taskResource(factsOf(task), await oversightOf(svc.db, subject));
  // Until it is sent with a report, a file is its uploader's draft. Either way it answers as a missing attachment.
  if (!can(subject, 'task.view', resource) || !maySeeAttachment(subject, row)) {
    const hidden = {
      what: 'attachment',
      resourceType: 'supervision_attachment',
      id: row.id,
      classification: task.classification,
    };
    throw concealed(subject, hidden, 'supervision.attachment_download');
  }
  const content = await svc.files.read(row.sha256);
  await inTransaction(svc, (tx) =>
    recordAudit(tx, ctx, {
      action: 'supervision.attachment_download',
      resourceType: 'supervision_task',
      resourceId: row.taskId,
      detail: { attachmentId: row.id },
    }),
  );
  return { content, kind: row.kind as MaterialKind, fileName: row.fileName };
}
