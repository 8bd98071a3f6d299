// Loads a document with the caller's access level, refusing below the level a route needs.
import type { FastifyInstance } from 'fastify';
import type { Subject } from '../../auth/subject.ts';
import { NotFound } from '../../errors.ts';
import { authorizeDocument, documentAccess, type Access } from '../../policies/documents.ts';

export async function documentFor(app: FastifyInstance, subject: Subject, id: string, needed: Access) {
  const doc = await app.svc.db.document.findUnique({
    where: { id },
    include: { shares: true, unit: { select: { name: true } }, owner: { select: { displayName: true } } },
  });
  if (!doc || doc.deletedAt) throw new NotFound('document');
  const access = documentAccess(subject, doc, doc.shares);
  authorizeDocument(access, needed);
  return { doc, access };
}
