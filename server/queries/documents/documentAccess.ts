// A document with the caller's access level, as every path that names a document asks it: owner, owning unit and
// shares for documents, the meeting for annotation documents, and for minutes the minutes read rule on their meeting.
// Null when there is no such document (or it is deleted).
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { followsMeeting } from '../../domain/documents/annotationContexts.ts';
import { resolveDocumentAccess, type Access } from '../../policies/documents.ts';
import { loadAnnotationMeeting, meetingAsSeenBy } from '../annotations/annotationMeeting.ts';

export async function documentWithAccess(db: Db | Tx, subject: Subject, id: string) {
  const doc = await db.document.findUnique({
    where: { id },
    include: { shares: true, unit: { select: { name: true } }, owner: { select: { displayName: true } } },
  });
  if (!doc || doc.deletedAt) return null;
  const meeting = followsMeeting(doc.contextType) ? await loadAnnotationMeeting(db, doc) : null;
  const access: Access = resolveDocumentAccess(
    subject,
    doc,
    doc.shares,
    meeting && meetingAsSeenBy(meeting, subject.id),
  );
  return { doc, access };
}
