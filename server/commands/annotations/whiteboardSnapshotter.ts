// Freezes a frame of the screen share as a new whiteboard page: the presenter's PNG is stored like any document image
// and the page is added on the server, so every tablet gets the same page at once and can draw on it.
import type { Readable } from 'node:stream';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { ANNOTATION_CONTEXTS } from '../../domain/documents/annotationContexts.ts';
import { Conflict, NotFound } from '../../errors.ts';
import type { MeetingResource } from '../../policies/meetings.ts';
import type { Services } from '../../services.ts';
import { addWhiteboardPage, INK_LIMITS, pagesArray } from '../../../common/schema/inkModel.ts';
import { storeDocumentImage } from '../documents/documentImageStorer.ts';

export interface SnapshotPage {
  fileId: string;
  url: string;
  pageId: string;
  width: number;
  height: number;
}

export async function addSnapshotPage(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meeting: MeetingResource,
  whiteboardId: string,
  png: Readable,
): Promise<SnapshotPage> {
  const whiteboard = await svc.db.document.findFirst({
    where: {
      id: whiteboardId,
      kind: 'whiteboard',
      contextType: ANNOTATION_CONTEXTS.whiteboard,
      contextId: meeting.id,
      deletedAt: null,
    },
    select: { id: true },
  });
  if (!whiteboard) throw new NotFound('whiteboard');
  const image = await storeDocumentImage(svc, ctx, subject.id, {
    documentId: whiteboard.id,
    purpose: 'whiteboard_snapshot',
    stream: png,
    audit: { action: 'meeting.whiteboard_snapshot', resourceType: 'meeting', resourceId: meeting.id, detail: {} },
  });
  let pageId = '';
  await svc.collab.transact(whiteboard.id, subject.id, (doc) => {
    // Checked here, on the live document, because tablets add blank pages concurrently.
    if (pagesArray(doc).length >= INK_LIMITS.maxPages)
      throw new Conflict('whiteboard_full', `A whiteboard holds at most ${INK_LIMITS.maxPages} pages`);
    pageId = addWhiteboardPage(doc, { snapshotFileId: image.id }, subject.id, ctx.at.getTime()).id;
  });
  return { fileId: image.id, url: image.url, pageId, width: image.width, height: image.height };
}
