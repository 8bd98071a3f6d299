// Loads a document with the caller's access level, refusing below the level a route needs.
import type { FastifyInstance } from 'fastify';
import type { Subject } from '../../auth/subject.ts';
import { NotFound } from '../../errors.ts';
import { isAnnotationContext, resolveDocumentAccess } from '../../policies/annotations.ts';
import { authorizeDocument, type Access } from '../../policies/documents.ts';
import { loadAnnotationMeeting, meetingAsSeenBy } from '../../queries/annotationMeeting.ts';

export async function documentFor(app: FastifyInstance, subject: Subject, id: string, needed: Access) {
  const doc = await app.svc.db.document.findUnique({
    where: { id },
    include: { shares: true, unit: { select: { name: true } }, owner: { select: { displayName: true } } },
  });
  if (!doc || doc.deletedAt) throw new NotFound('document');
  const meeting = isAnnotationContext(doc.contextType) ? await loadAnnotationMeeting(app.svc.db, doc) : null;
  const access = resolveDocumentAccess(subject, doc, doc.shares, meeting && meetingAsSeenBy(meeting, subject.id));
  authorizeDocument(access, needed);
  return { doc, access };
}
