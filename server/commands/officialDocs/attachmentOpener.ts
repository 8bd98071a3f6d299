// Downloading an attachment of a 公文: whoever reads the 公文 reads its attachments; the file is served as stored and
// the download is audited and left in the 公文's 查阅留痕 (like a download of the 正文), in one transaction.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { authorize } from '../../policies/index.ts';
import { authorizeOfficialDocView, officialDocResource } from '../../policies/officialDocs.ts';
import { attachmentOf } from '../../queries/officialDocs/attachments.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../../services.ts';
import type { MaterialKind } from '../../storage/fileTypes.ts';
import { recordTrail } from './trail.ts';

export async function openAttachment(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  attachmentId: string,
): Promise<{ content: Buffer; fileName: string; kind: MaterialKind }> {
  const row = await loadOfficialDoc(svc.db, id);
  const resource = officialDocResource(officialDocFacts(row), await principalsOf(svc.db, subject.id, ctx.at));
  authorizeOfficialDocView(subject, resource);
  authorize(subject, 'officialDoc.attachment.read', resource);
  const attachment = await attachmentOf(svc.db, id, attachmentId);
  const content = await svc.files.read(attachment.sha256);
  await inTransaction(svc, async (tx) => {
    await recordAudit(tx, ctx, {
      action: 'officialDoc.attachment.download',
      resourceType: 'official_document',
      resourceId: id,
      detail: { attachmentId, number: attachment.number, bytes: content.length },
    });
    // 查阅留痕: a download is a read taken away.
    await recordTrail(tx, {
      officialDocumentId: id,
      kind: 'download',
      userId: subject.id,
      detail: { what: 'attachment', attachmentId, number: attachment.number, name: attachment.name },
      at: ctx.at,
    });
  });
  return { content, fileName: attachment.fileName, kind: attachment.kind as MaterialKind };
}
