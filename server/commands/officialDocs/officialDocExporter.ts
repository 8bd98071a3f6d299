// Downloading a 公文: once sealed, the sealed PDF exactly as it was signed (it verifies); before that, the PDF or DOCX
// as GB/T 9704 lays it out now, for checking and printing drafts. Taking content out of the system is audited.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { InvalidState } from '../../errors.ts';
import { renderGongwenDocx } from '../../export/gongwenDocx.ts';
import { findGongwenFonts } from '../../export/gongwenFonts.ts';
import { renderGongwenPdf } from '../../export/pdfRenderers.ts';
import { authorizeOfficialDocView, officialDocResource } from '../../policies/officialDocs.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';
import type { Services } from '../../services.ts';
import { gongwenContent } from './officialDocRendering.ts';
import { recordTrail } from './trail.ts';

export async function exportOfficialDoc(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  format: 'pdf' | 'docx',
): Promise<{ body: Buffer; filename: string; contentType: string; sealed: boolean }> {
  const row = await loadOfficialDoc(svc.db, id);
  authorizeOfficialDocView(
    subject,
    officialDocResource(officialDocFacts(row), await principalsOf(svc.db, subject.id, ctx.at)),
  );
  const lastSeal =
    format === 'pdf'
      ? await svc.db.sealUse.findFirst({ where: { officialDocumentId: id }, orderBy: { at: 'desc' } })
      : null;
  let body: Buffer;
  if (lastSeal) body = await svc.files.read(lastSeal.fileKey);
  else {
    const content = await gongwenContent(svc, row, { at: ctx.at, seal: null });
    if (format === 'docx') body = await renderGongwenDocx({ ...content, author: row.issuerSignature });
    else {
      const fonts = findGongwenFonts();
      if (!fonts)
        throw new InvalidState('no_cjk_font', 'Laying out a 公文 needs Chinese fonts on the server (see README)');
      body = (await renderGongwenPdf({ ...content, fonts, author: row.issuerSignature, createdAt: ctx.at })).pdf;
    }
  }
  await inTransaction(svc, async (tx) => {
    await recordAudit(tx, ctx, {
      action: 'officialDoc.export',
      resourceType: 'official_document',
      resourceId: id,
      detail: { format, sealed: lastSeal !== null, bytes: body.length },
    });
    // 查阅留痕: a download is a read taken away.
    await recordTrail(tx, {
      officialDocumentId: id,
      kind: 'download',
      userId: subject.id,
      detail: { format, sealed: lastSeal !== null },
      at: ctx.at,
    });
  });
  const safeTitle = row.document.title.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 80) || 'document';
  return {
    body,
    filename: `${safeTitle}.${format}`,
    contentType:
      format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    sealed: lastSeal !== null,
  };
}
