// Attaches an exported whiteboard or material page to the meeting's minutes: the PNG is stored as an image of the
// minutes document and appended to it as a captioned figure through the collab server, so that everyone editing the
// minutes sees it arrive and it is logged like any other change.
import type { Readable } from 'node:stream';
import * as Y from 'yjs';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { InvalidState } from '../../errors.ts';
import type { MeetingResource } from '../../policies/meetings.ts';
import type { Services } from '../../services.ts';
import { DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { storeDocumentImage, type StoredImage } from '../documents/documentImageStorer.ts';

const EDITABLE = ['editing', 'in_review'];

export interface MinutesAttachment {
  caption: string;
  /** Where the page came from, for the audit trail. */
  source: { type: 'whiteboard' | 'material'; id: string; page: string } | null;
}

/**
 * The minutes document of a meeting and whether it still takes changes: from the minutes workflow's row when there is
 * one (drafting until finalised), else the document made for the meeting (kind minutes, context the meeting).
 */
export async function minutesDocumentOf(
  svc: Services,
  meetingId: string,
): Promise<{ id: string; writable: boolean } | null> {
  const flow = await svc.db.meetingMinutes.findUnique({
    where: { meetingId },
    select: { documentId: true, status: true },
  });
  const doc = await svc.db.document.findFirst({
    where: {
      ...(flow ? { id: flow.documentId } : { kind: 'minutes', contextType: 'meeting', contextId: meetingId }),
      deletedAt: null,
    },
    orderBy: { createdAt: 'asc' },
    select: { id: true, status: true },
  });
  return doc && { id: doc.id, writable: EDITABLE.includes(doc.status) && (!flow || flow.status === 'drafting') };
}

/** A caption paragraph and the image after it, at the end of the document, as the editor's schema has them. */
function appendFigure(doc: Y.Doc, image: StoredImage, caption: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const figure = new Y.XmlElement('image');
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  fragment.insert(fragment.length, [paragraph, figure]);
  text.insert(0, caption);
  figure.setAttribute('src', image.url);
  figure.setAttribute('alt', caption);
  figure.setAttribute('title', caption);
}

export async function attachImageToMinutes(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meeting: MeetingResource,
  png: Readable,
  attachment: MinutesAttachment,
): Promise<StoredImage & { minutesDocumentId: string }> {
  const minutes = await minutesDocumentOf(svc, meeting.id);
  if (!minutes)
    throw new InvalidState('no_minutes', 'This meeting has no minutes yet; the minute-taker opens them first');
  if (!minutes.writable) throw new InvalidState('minutes_final', 'The minutes are final and take no more attachments');
  const image = await storeDocumentImage(svc, ctx, subject.id, {
    documentId: minutes.id,
    purpose: 'minutes_attachment',
    stream: png,
    audit: {
      action: 'minutes.image_attach',
      resourceType: 'meeting',
      resourceId: meeting.id,
      detail: { minutesDocumentId: minutes.id, source: attachment.source },
    },
  });
  await svc.collab.transact(minutes.id, subject.id, (doc) => appendFigure(doc, image, attachment.caption));
  return { ...image, minutesDocumentId: minutes.id };
}
