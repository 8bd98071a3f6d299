// Exports a document as DOCX or PDF (comments as margin notes or not; tracked changes shown or applied). Exporting
// takes content out of the system, so it is audited.
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { documentSchema, DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { InvalidState } from '../../errors.ts';
import { renderDocx, type ExportThread } from '../../export/docxExport.ts';
import { exportModel } from '../../export/documentModel.ts';
import { findCjkFont } from '../../export/cjkFont.ts';
import { renderPdf } from '../../export/pdfRenderers.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordTrail } from '../officialDocs/trail.ts';

export const CLASSIFICATION_LABELS = ['公开', '内部', '秘密', '机密'];

export interface ExportRequest {
  format: 'docx' | 'pdf';
  comments: boolean;
  suggestions: 'show' | 'apply';
}

export async function exportDocument(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  request: ExportRequest,
): Promise<{ body: Buffer; filename: string; contentType: string }> {
  const doc = await svc.db.document.findUniqueOrThrow({ where: { id: documentId } });
  if (doc.kind !== 'draft' && doc.kind !== 'minutes')
    throw new InvalidState('not_exportable', 'Only text documents can be exported');
  const ydoc = new Y.Doc({ gc: false });
  Y.applyUpdate(ydoc, await svc.collab.currentState(documentId));
  const json = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(DOCUMENT_FIELD), documentSchema()).toJSON();
  ydoc.destroy();
  const blocks = exportModel(json, { suggestions: request.suggestions });
  const rows = request.comments
    ? await svc.db.commentThread.findMany({
        where: { documentId, resolvedAt: null },
        include: {
          comments: {
            where: { deletedAt: null },
            orderBy: { createdAt: 'asc' },
            include: { author: { select: { displayName: true } } },
          },
        },
        orderBy: { createdAt: 'asc' },
      })
    : [];
  const threads: ExportThread[] = rows.map((t) => ({
    id: t.id,
    comments: t.comments.map((c) => ({ authorName: c.author.displayName, body: c.body, createdAt: c.createdAt })),
  }));
  const authorIds = new Set<string>();
  const collect = (bs: typeof blocks) =>
    bs.forEach((b) => {
      if ('runs' in b) b.runs.forEach((r) => r.change?.authorId && authorIds.add(r.change.authorId));
      if (b.kind === 'table') b.rows.forEach((row) => row.forEach((cell) => collect(cell.blocks)));
    });
  collect(blocks);
  const names = new Map(
    (
      await svc.db.user.findMany({ where: { id: { in: [...authorIds] } }, select: { id: true, displayName: true } })
    ).map((u) => [u.id, u.displayName]),
  );
  const authorName = (id: string | null) => (id ? (names.get(id) ?? id) : '未知');
  const label = CLASSIFICATION_LABELS[doc.classification] ?? '';
  const safeTitle = doc.title.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 80) || 'document';

  let body: Buffer;
  if (request.format === 'docx') {
    body = await renderDocx({
      title: doc.title,
      classificationLabel: label,
      blocks,
      threads,
      includeComments: request.comments,
      authorName,
    });
  } else {
    const font = findCjkFont(svc.config.pdfFont);
    if (!font)
      throw new InvalidState(
        'no_cjk_font',
        'PDF export needs a Chinese font on the server: apt-get install fonts-wqy-microhei (or set TONGBAN_PDF_FONT)',
      );
    body = await renderPdf({
      title: doc.title,
      classificationLabel: label,
      blocks,
      threads,
      includeComments: request.comments,
      authorName,
      font,
      footer: `${label} · ${doc.title}`,
    });
  }
  await inTransaction(svc, async (tx) => {
    await recordAudit(tx, ctx, {
      action: 'document.export',
      resourceType: 'document',
      resourceId: documentId,
      detail: { ...request, bytes: body.length },
    });
    // The 正文 of a 公文 taken away as a plain document: a download in the 公文's 查阅留痕.
    if (doc.contextType === 'official_document' && doc.contextId)
      await recordTrail(tx, {
        officialDocumentId: doc.contextId,
        kind: 'download',
        userId: ctx.actor?.id ?? null,
        detail: { what: `body.${request.format}` },
        at: ctx.at,
      });
  });
  return {
    body,
    filename: `${safeTitle}.${request.format}`,
    contentType:
      request.format === 'docx'
        ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        : 'application/pdf',
  };
}
