// The scanned 来文 of a 收文 (a PDF, checked by its bytes, sealed at rest like every stored file): attached by who
// registered it or a clerk of the unit until 办结, replaced by a later upload (the earlier one stays in the audit), and
// opened by whoever reads the 收文, each opening left in its 查阅留痕; so is reading the text OCR recognised in it.
import type { Readable } from 'node:stream';
import type { RecognisedText } from '../../../common/ocr/ocrApi.ts';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { can } from '../../policies/index.ts';
import { authorizeOfficialDocView, officialDocError, officialDocResource } from '../../policies/officialDocs.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';
import { recognisedText } from '../../queries/ocr/ocrResults.ts';
import type { Services } from '../../services.ts';
import { checkUpload, SNIFF_BYTES } from '../../storage/fileTypes.ts';
import { safeFileName } from '../meetings/materialUploader.ts';
import { queueOcr } from '../ocr/ocrQueue.ts';
import { auditingRefusals } from './refusalAudit.ts';
import { recordTrail } from './trail.ts';

export interface ScanUpload {
  fileName: string;
  mimeType: string;
  stream: Readable;
}

/** The 收文 as its reader may see it; 400 when it is a 发文. */
async function incomingFor(svc: Services, subject: Subject, id: string, at: Date) {
  const row = await loadOfficialDoc(svc.db, id);
  const resource = officialDocResource(officialDocFacts(row), await principalsOf(svc.db, subject.id, at));
  authorizeOfficialDocView(subject, resource);
  const incoming = await svc.db.incomingDocument.findUnique({ where: { officialDocumentId: id } });
  if (!incoming) throw officialDocError(400, 'not_incoming');
  return { resource, incoming };
}

export async function attachScan(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  upload: ScanUpload,
): Promise<void> {
  const audit = { action: 'officialDoc.attachScan', resourceType: 'official_document', resourceId: id };
  await auditingRefusals(svc, ctx, audit, async () => {
    const { resource } = await incomingFor(svc, subject, id, ctx.at);
    if (!can(subject, 'officialDoc.attachScan', resource)) throw officialDocError(403, 'scan_forbidden');
    const fileName = safeFileName(upload.fileName) || 'scan.pdf';
    const stored = await svc.files.put(upload.stream, {
      maxBytes: svc.config.maxUploadMb * 1024 * 1024,
      headBytes: SNIFF_BYTES,
      inspect: (head) => {
        const verdict = checkUpload(fileName, upload.mimeType, head);
        if (!verdict.ok) throw new AppError(415, verdict.code, verdict.message);
        if (verdict.kind !== 'pdf') throw officialDocError(415, 'scan_not_pdf');
      },
    });
    await inTransaction(svc, async (tx) => {
      // Checked again in the transaction: a 收文 concluded meanwhile keeps the scan it was concluded with.
      const now = await loadOfficialDoc(tx, id);
      if (!can(subject, 'officialDoc.attachScan', officialDocResource(officialDocFacts(now), resource.actingFor)))
        throw officialDocError(403, 'scan_forbidden');
      await tx.incomingDocument.update({
        where: { officialDocumentId: id },
        data: { scanSha256: stored.sha256, scanFileName: fileName, scanSize: stored.size },
      });
      // Recognised in the background (OCR job), so the 来文's words can be searched and copied into a draft.
      await queueOcr(tx, { sha256: stored.sha256, kind: 'pdf' }, ctx.at);
      await recordAudit(tx, ctx, {
        action: 'officialDoc.attachScan',
        resourceType: 'official_document',
        resourceId: id,
        detail: { sha256: stored.sha256, size: stored.size },
      });
    });
  });
}

export async function openScan(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
): Promise<{ content: Buffer; fileName: string }> {
  const { incoming } = await incomingFor(svc, subject, id, ctx.at);
  if (!incoming.scanSha256) throw officialDocError(404, 'scan_missing');
  const content = await svc.files.read(incoming.scanSha256);
  await inTransaction(svc, async (tx) => {
    await recordAudit(tx, ctx, {
      action: 'officialDoc.scan.download',
      resourceType: 'official_document',
      resourceId: id,
      detail: { sha256: incoming.scanSha256, bytes: content.length },
    });
    // 查阅留痕: opening the scan is reading the 来文 itself.
    await recordTrail(tx, {
      officialDocumentId: id,
      kind: 'download',
      userId: subject.id,
      detail: { what: 'scan' },
      at: ctx.at,
    });
  });
  return { content, fileName: incoming.scanFileName ?? 'scan.pdf' };
}

/**
 * The text recognised in the scan, for whoever may read the 收文 (404 otherwise, as the scan itself), with what a draft
 * made from it takes: the 收文's title and 密级. Left in the 查阅留痕 like opening the scan.
 */
export async function openScanText(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
): Promise<RecognisedText & { title: string; classification: number }> {
  const { incoming } = await incomingFor(svc, subject, id, ctx.at);
  if (!incoming.scanSha256) throw officialDocError(404, 'scan_missing');
  const result = await recognisedText(svc.db, svc.keys.atRest, incoming.scanSha256);
  if (!result) throw officialDocError(404, 'scan_missing');
  const row = await loadOfficialDoc(svc.db, id);
  await inTransaction(svc, async (tx) => {
    await recordAudit(tx, ctx, {
      action: 'officialDoc.scan.text',
      resourceType: 'official_document',
      resourceId: id,
      detail: { sha256: incoming.scanSha256, state: result.state },
    });
    await recordTrail(tx, {
      officialDocumentId: id,
      kind: 'download',
      userId: subject.id,
      detail: { what: 'scan_text' },
      at: ctx.at,
    });
  });
  return { ...result, title: row.document.title, classification: row.document.classification };
}
