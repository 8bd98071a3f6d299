// Stores an image shown inside a document (a frozen screen-share frame behind a whiteboard page, a page exported into
// the minutes): streamed into the sealed, content-addressed store, checked to be a PNG of sane size by its bytes, and
// recorded with an audit event. A refused upload keeps nothing.
import type { Readable } from 'node:stream';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { AppError } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { inspectPng } from '../../storage/pngImage.ts';
import { inTransaction } from '../../db/transaction.ts';

export const IMAGE_PURPOSES = ['whiteboard_snapshot', 'minutes_attachment'] as const;
export type ImagePurpose = (typeof IMAGE_PURPOSES)[number];

/** A 4K screen frame is a few MiB as PNG; more than this is not a frame or a page. */
const MAX_IMAGE_MB = 10;
const PNG_HEAD_BYTES = 33;

export interface StoredImage {
  id: string;
  documentId: string;
  width: number;
  height: number;
  size: number;
  url: string;
}

export function documentImageUrl(documentId: string, imageId: string): string {
  return `/api/documents/${documentId}/images/${imageId}`;
}

export interface ImageUpload {
  documentId: string;
  purpose: ImagePurpose;
  stream: Readable;
  audit: { action: string; resourceType: string; resourceId: string; detail: Record<string, unknown> };
}

export async function storeDocumentImage(
  svc: Services,
  ctx: RequestContext,
  userId: string,
  upload: ImageUpload,
): Promise<StoredImage> {
  let size = { width: 0, height: 0 };
  const stored = await svc.files.put(upload.stream, {
    maxBytes: Math.min(svc.config.maxUploadMb, MAX_IMAGE_MB) * 1024 * 1024,
    headBytes: PNG_HEAD_BYTES,
    inspect: (head) => {
      const verdict = inspectPng(head);
      if (!verdict.ok) throw new AppError(verdict.code === 'not_png' ? 415 : 422, verdict.code, verdict.message);
      size = { width: verdict.width, height: verdict.height };
    },
  });
  return inTransaction(svc, async (tx) => {
    const image = await tx.documentImage.create({
      data: {
        documentId: upload.documentId,
        purpose: upload.purpose,
        sha256: stored.sha256,
        size: stored.size,
        width: size.width,
        height: size.height,
        createdById: userId,
        createdAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      ...upload.audit,
      detail: {
        ...upload.audit.detail,
        imageId: image.id,
        documentId: upload.documentId,
        sha256: stored.sha256,
        size: stored.size,
      },
    });
    return {
      id: image.id,
      documentId: upload.documentId,
      width: size.width,
      height: size.height,
      size: stored.size,
      url: documentImageUrl(upload.documentId, image.id),
    };
  });
}
