// The OCR job's writes: a file opened (its page count), each page recognised (kept at once, sealed, so a restart goes
// on from the next page), and the end — done, a PDF found to have its own text layer, or failed with its reason. The
// end is audited once per object showing the file (its meeting for a material, its 公文 for a 收文 scan), in the same
// transaction: the search indexer follows the audit feed and reads those objects again, now with their text.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { OcrFailure } from '../../../common/ocr/ocrApi.ts';
import { inTransaction } from '../../db/transaction.ts';
import { objectsShowing, ocrAad, openPages } from '../../queries/ocr/ocrResults.ts';
import { seal } from '../../security/cipher.ts';
import type { Services } from '../../services.ts';

/** The job opened the file: it is running, with this many pages (kept from an earlier start when it resumes). */
export async function startOcr(svc: Services, sha256: string, pagesTotal: number, at: Date): Promise<void> {
  await svc.db.ocrJob.update({
    where: { sha256 },
    data: { state: 'running', pagesTotal, startedAt: at },
  });
}

/** Page `page` (1-based, the next one) is recognised: its text joins the sealed pages and the count moves on. */
export async function recordOcrPage(svc: Services, sha256: string, page: number, text: string): Promise<void> {
  await svc.db.$transaction(async (tx) => {
    const row = await tx.ocrJob.findUniqueOrThrow({ where: { sha256 } });
    // A page already kept (a run stopped between the write and the event) is not kept twice.
    if (row.pagesDone >= page) return;
    const pages = [...openPages(svc.keys.atRest, row).slice(0, page - 1), text];
    await tx.ocrJob.update({
      where: { sha256 },
      data: { pagesDone: page, pagesSealed: seal(svc.keys.atRest, JSON.stringify(pages), ocrAad(sha256)) },
    });
  });
}

export type OcrEnd = { state: 'done' } | { state: 'text_layer' } | { state: 'failed'; reason: OcrFailure };

/** The job is over for this file; each object showing it gets an audit event naming it. */
export async function finishOcr(svc: Services, ctx: RequestContext, sha256: string, end: OcrEnd): Promise<void> {
  await inTransaction(svc, async (tx) => {
    const row = await tx.ocrJob.update({
      where: { sha256 },
      data: { state: end.state, error: end.state === 'failed' ? end.reason : null, finishedAt: ctx.at },
    });
    const detail = {
      sha256,
      state: end.state,
      pages: row.pagesDone,
      ...(end.state === 'failed' ? { reason: end.reason } : {}),
    };
    const action = end.state === 'failed' ? 'ocr.fail' : 'ocr.finish';
    const { materials, incoming } = await objectsShowing(tx, sha256);
    for (const m of materials)
      await recordAudit(tx, ctx, {
        action,
        resourceType: 'meeting',
        resourceId: m.meetingId,
        detail: { ...detail, materialId: m.id },
      });
    for (const id of incoming)
      await recordAudit(tx, ctx, { action, resourceType: 'official_document', resourceId: id, detail });
  });
}
