// A document with the caller's access level, as every path that names a document asks it: owner, owning unit and
// shares for documents, the meeting for annotation documents, and for minutes the minutes read rule on their meeting.
// Null when there is no such document (or it is deleted).
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { followsMeeting } from '../../domain/documents/annotationContexts.ts';
import { documentResource, resolveDocumentAccess, type Access } from '../../policies/documents.ts';
import { loadAnnotationMeeting, meetingAsSeenBy } from '../annotations/annotationMeeting.ts';

export async function documentWithAccess(db: Db | Tx, subject: Subject, id: string) {
  const doc = await db.document.findUnique({
    where: { id },
    include: { shares: true, unit: { select: { name: true } }, owner: { select: { displayName: true } } },
  });
  if (!doc || doc.deletedAt) return null;
  const loaded = followsMeeting(doc.contextType) ? await loadAnnotationMeeting(db, doc) : null;
  const meeting = loaded && meetingAsSeenBy(loaded, subject.id);
  const access: Access = resolveDocumentAccess(subject, doc, doc.shares, meeting);
  // The whole resource, for actions asked of the registry (authorize): a partial one would read as unreadable.
  return { doc, access, resource: documentResource(doc, doc.shares, meeting) };
}
