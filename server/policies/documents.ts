// Document access: clearance first, then ownership, explicit shares, unit membership; review mode and finalisation
// cap what anyone may do. The HTTP routes and the collab server both ask documentAccess().
import type { Subject } from '../auth/subject.ts';
import { Forbidden } from '../errors.ts';
import { isAnnotationContext } from '../domain/documents/annotationContexts.ts';

export const ACCESS_LEVELS = ['none', 'view', 'comment', 'suggest', 'edit', 'manage'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];
export type ShareAccess = 'view' | 'comment' | 'suggest' | 'edit';

export interface DocumentFacts {
  id: string;
  ownerId: string;
  unitId: string;
  classification: number;
  status: string;
  reviewMode: boolean;
  deletedAt: Date | null;
  contextType?: string | null;
}

export interface ShareFacts {
  granteeType: string;
  granteeId: string;
  access: string;
}

const rank = (a: Access) => ACCESS_LEVELS.indexOf(a);
const max = (a: Access, b: Access): Access => (rank(a) >= rank(b) ? a : b);
const min = (a: Access, b: Access): Access => (rank(a) <= rank(b) ? a : b);

export function atLeast(access: Access, needed: Access): boolean {
  return rank(access) >= rank(needed);
}

export function documentAccess(subject: Subject, doc: DocumentFacts, shares: readonly ShareFacts[]): Access {
  if (doc.deletedAt) return 'none';
  // Meeting annotation documents take their access from the meeting (annotations.ts), never from owner or unit.
  if (isAnnotationContext(doc.contextType)) return 'none';
  // Administrators manage accounts, not content (三员分立): they get no access to documents.
  if (subject.adminRole !== null) return 'none';
  if (subject.clearance < doc.classification) return 'none';
  let access: Access = 'none';
  if (doc.ownerId === subject.id) access = 'manage';
  if (doc.unitId === subject.unitId) access = max(access, subject.roles.includes('leader') ? 'comment' : 'view');
  for (const s of shares) {
    const mine = (s.granteeType === 'user' && s.granteeId === subject.id) || (s.granteeType === 'unit' && s.granteeId === subject.unitId);
    if (mine) access = max(access, s.access as ShareAccess);
  }
  if (access === 'none') return access;
  if (doc.status === 'finalised' || doc.status === 'archived') return min(access, 'view');
  // In review mode only the owner edits; everyone who could edit may suggest.
  if (doc.reviewMode && access === 'edit') return 'suggest';
  return access;
}

/**
 * Which ordinary documents a subject may open, as a description a list query can turn into one database filter (the
 * same rule as documentAccess(), so a total never counts what the list hides): not deleted, not a meeting annotation
 * document (those follow the meeting), classification within clearance, and owned, of the subject's unit, or shared
 * with the subject or their unit. Administrators see none.
 */
export interface DocumentVisibility {
  none: boolean;
  userId: string;
  unitId: string;
  clearance: number;
}

export function documentVisibility(subject: Subject): DocumentVisibility {
  return { none: subject.adminRole !== null, userId: subject.id, unitId: subject.unitId, clearance: subject.clearance };
}

/**
 * A person a document may be shared with: a business user cleared for its classification. Sharing a 秘密 document
 * with someone cleared only for 内部 would promise access the rule above never gives; administrators see no content.
 */
export function mayReceiveShare(grantee: { clearance: number; adminRole: string | null }, doc: { classification: number }): boolean {
  return grantee.adminRole === null && grantee.clearance >= doc.classification;
}

export function authorizeDocument(access: Access, needed: Access): void {
  if (!atLeast(access, needed)) throw new Forbidden('document_forbidden', access === 'none' ? 'You cannot open this document' : `This needs ${needed} access; you have ${access}`);
}

/** Workflow steps (submit, finalise, reopen) belong to the owner, even when the document is read-only for editing. */
export function authorizeWorkflow(subject: Subject, doc: DocumentFacts): void {
  if (doc.deletedAt || doc.ownerId !== subject.id || subject.clearance < doc.classification) {
    throw new Forbidden('document_forbidden', 'Only the owner moves a document through its workflow');
  }
}
