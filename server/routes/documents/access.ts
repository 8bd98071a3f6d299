// Loads a document with the caller's access level, refusing below the level a route needs: a document the caller may
// not open answers exactly as a missing one (404) and the refusal is audited.
import type { FastifyInstance } from 'fastify';
import type { Subject } from '../../auth/subject.ts';
import { NotFound } from '../../errors.ts';
import { authorizeDocument, type Access } from '../../policies/documents.ts';
import { documentWithAccess } from '../../queries/documents/documentAccess.ts';

export async function documentFor(app: FastifyInstance, subject: Subject, id: string, needed: Access) {
  const { db } = app.svc;
  const found = await documentWithAccess(db, subject, id);
  if (!found) throw new NotFound('document');
  authorizeDocument(subject, found.doc, found.access, needed);
  return found;
}
