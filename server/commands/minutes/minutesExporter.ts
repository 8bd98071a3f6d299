// The closed minutes as a PDF in the minutes layout: red title, the header table, the body with the decision items
// numbered once (the author's own 一、 or （一） kept) and their lead and co-units, owners and deadlines, and a
// signature block (who closed them when, the content hash and the server's signature). Always the frozen version,
// never the live document. Audited.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { InvalidState } from '../../errors.ts';
import { findCjkFont } from '../../export/cjkFont.ts';
import { exportModel } from '../../export/documentModel.ts';
import { renderPdf } from '../../export/pdfRenderers.ts';
import { localDateTime } from '../../domain/meetings/localTime.ts';
import { openBytes } from '../../security/cipher.ts';
import { digestAlgorithm } from '../../domain/contentDigest.ts';
import type { Services } from '../../services.ts';
import { CLASSIFICATION_LABELS } from '../documents/documentExporter.ts';
import { inTransaction } from '../../db/transaction.ts';
import { contentOf } from '../../domain/documents/documentContent.ts';
import { loadMinutes } from '../../queries/minutes/minutesRecord.ts';

export async function exportMinutesPdf(
  svc: Services,
  ctx: RequestContext,
  meetingId: string,
): Promise<{ body: Buffer; filename: string }> {
  const { pdf, title, versionId } = await closedMinutesPdf(svc, meetingId);
  await inTransaction(svc, (tx) =>
    recordAudit(tx, ctx, {
      action: 'minutes.export',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { versionId, bytes: pdf.length },
    }),
  );
  return { body: pdf, filename: `${title.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 80) || 'minutes'}.pdf` };
}

/** The closed minutes' PDF from their frozen version (also what the archive package holds); 409 while not closed. */
export async function closedMinutesPdf(
  svc: Services,
  meetingId: string,
): Promise<{ pdf: Buffer; title: string; versionId: string }> {
  const minutes = await loadMinutes(svc.db, meetingId);
  if (
    minutes.status !== 'closed' ||
    !minutes.versionId ||
    !minutes.contentHash ||
    !minutes.signature ||
    !minutes.closedAt
  ) {
    throw new InvalidState('minutes_not_closed', 'The minutes have no signed final version yet');
  }
  const [version, doc, closer, meeting] = await Promise.all([
    svc.db.documentVersion.findUniqueOrThrow({ where: { id: minutes.versionId } }),
    svc.db.document.findUniqueOrThrow({ where: { id: minutes.documentId } }),
    svc.db.user.findUnique({ where: { id: minutes.closedById ?? '' }, select: { displayName: true } }),
    svc.db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { timeZone: true } }),
  ]);
  const content = contentOf(openBytes(svc.keys.atRest, version.state, `version:${minutes.documentId}`));
  // The title block prints the title; the document's own first heading repeating it is left out.
  const [first, ...rest] = content.content ?? [];
  const body =
    first?.type === 'heading' && (first.content ?? []).map((n) => n.text ?? '').join('') === doc.title
      ? rest
      : (content.content ?? []);
  const blocks = exportModel({ ...content, content: body }, { suggestions: 'apply' });
  const font = findCjkFont(svc.config.pdfFont);
  if (!font)
    throw new InvalidState(
      'no_cjk_font',
      'PDF export needs a Chinese font on the server: apt-get install fonts-wqy-microhei (or set TONGBAN_PDF_FONT)',
    );
  const label = CLASSIFICATION_LABELS[doc.classification] ?? '';
  const pdf = await renderPdf({
    title: doc.title,
    classificationLabel: label,
    blocks,
    threads: [],
    includeComments: false,
    authorName: () => '',
    font,
    layout: 'minutes',
    footer: `${label} · ${doc.title}`,
    closing: [
      `签发：${closer?.displayName ?? ''}    ${localDateTime(minutes.closedAt, meeting.timeZone)}`,
      `内容摘要（${digestAlgorithm(minutes.contentHash) === 'sm3' ? 'SM3' : 'SHA-256'}）：${minutes.contentHash.replace(/^sm3:/, '')}`,
      `签名（HMAC-SM3）：${minutes.signature}`,
    ],
  });
  return { pdf, title: doc.title, versionId: minutes.versionId };
}
