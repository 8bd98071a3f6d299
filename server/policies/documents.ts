// Document access: clearance first, then ownership, explicit shares, unit membership; review mode and finalisation
// cap what anyone may do. Meeting annotation documents take theirs from the meeting (annotations.ts); a meeting's
// minutes are read by whom the minutes read rule allows (minutes.ts), never by unit membership. The document rules
// below are mounted in the RULES of index.ts; HTTP routes, lists and the collab server ask resolveDocumentAccess().
import type { Subject } from '../auth/subject.ts';
import { Forbidden } from '../errors.ts';
import { isAnnotationContext, isMinutesContext } from '../domain/documents/annotationContexts.ts';
import {
  ACCESS_LEVELS,
  atLeast,
  maxAccess,
  minAccess,
  type Access,
  type DocumentFacts,
  type ShareAccess,
  type ShareFacts,
} from './access.ts';
import { annotationAccess } from './annotations.ts';
import { concealed } from './concealment.ts';
import type { MeetingResource } from './meetings.ts';
import { minutesRules, minutesVisibility, type MinutesVisibility } from './minutes.ts';
import { business, clearedFor, isLeader } from './predicates.ts';

export { ACCESS_LEVELS, atLeast, type Access, type DocumentFacts, type ShareAccess, type ShareFacts };

/**
 * A document as the rules see it: its facts, its explicit shares and, for a meeting annotation document, its meeting
 * as the subject sees it (null when the material or meeting is gone); for a meeting's minutes, likewise its meeting.
 */
export interface DocumentResource {
  kind: 'document';
  doc: DocumentFacts;
  shares: readonly ShareFacts[];
  meeting?: MeetingResource | null;
}

export function documentResource(
  doc: DocumentFacts,
  shares: readonly ShareFacts[] = [],
  meeting: MeetingResource | null = null,
): DocumentResource {
  return { kind: 'document', doc, shares, meeting };
}

/**
 * The access of a subject to an ordinary document or a meeting's minutes. For minutes, `meeting` is their meeting as
 * the subject sees it (null when gone): unit membership gives nothing, whoever the minutes read rule lets read them
 * (organisers, host, minute-taker, the people at the table) views them, and ownership and the shares the minutes
 * commands make (the host's edit, each confirmer's view, 纪要印发 to units) count as for any document.
 */
export function documentAccess(
  subject: Subject,
  doc: DocumentFacts,
  shares: readonly ShareFacts[],
  meeting: MeetingResource | null = null,
): Access {
  if (doc.deletedAt) return 'none';
  // Meeting annotation documents take their access from the meeting (annotations.ts), never from owner or unit.
  if (isAnnotationContext(doc.contextType)) return 'none';
  // Administrators manage accounts, not content (三员分立): they get no access to documents.
  if (!business(subject)) return 'none';
  if (!clearedFor(subject, doc.classification)) return 'none';
  let access: Access = 'none';
  if (doc.ownerId === subject.id) access = ownerAccess(doc);
  if (isMinutesContext(doc.contextType)) {
    if (meeting && minutesRules['minutes.read'](subject, meeting)) access = maxAccess(access, 'view');
  } else if (doc.unitId === subject.unitId) access = maxAccess(access, isLeader(subject) ? 'comment' : 'view');
  for (const s of shares) {
    const mine =
      (s.granteeType === 'user' && s.granteeId === subject.id) ||
      (s.granteeType === 'unit' && s.granteeId === subject.unitId);
    if (mine) access = maxAccess(access, s.access as ShareAccess);
  }
  if (access === 'none') return access;
  if (doc.status === 'finalised' || doc.status === 'archived') return minAccess(access, 'view');
  // In review mode only the owner edits; everyone who could edit may suggest.
  if (doc.reviewMode && access === 'edit') return 'suggest';
  return access;
}

/** The 正文 of a 公文 (its Document's context): its route decides who writes it, not the document workflow. */
const OFFICIAL_DOCUMENT_BODY = 'official_document';

/**
 * What owning a document gives. The 正文 of a 公文 is its drafter's to change only while the route leaves it with them
 * (drafted, returned or withdrawn): while it is in the route — review mode, which the route's own transaction keeps
 * on exactly then (commands/officialDocs/bodyAccess.ts) — the drafter reads it like everyone the route named, and
 * suggests only when a step names them too (through the share the route gives).
 */
function ownerAccess(doc: DocumentFacts): Access {
  return doc.contextType === OFFICIAL_DOCUMENT_BODY && doc.reviewMode ? 'view' : 'manage';
}

/**
 * Any document's access: annotation documents from their meeting, minutes from owner, shares and the minutes read rule
 * on their meeting, the rest from owner, unit and shares. `meeting` is only read for documents that follow a meeting
 * (callers load it when followsMeeting says so).
 */
export function resolveDocumentAccess(
  subject: Subject,
  doc: DocumentFacts,
  shares: readonly ShareFacts[],
  meeting: MeetingResource | null,
): Access {
  return isAnnotationContext(doc.contextType)
    ? annotationAccess(subject, doc, meeting)
    : documentAccess(subject, doc, shares, meeting);
}

/**
 * Workflow steps (submit, finalise, reopen) belong to the owner, even when the document is read-only for editing; a
 * 公文's 正文 moves only with its route, so its drafter can never reopen a text that was signed off.
 */
const movesWorkflow = (s: Subject, doc: DocumentFacts) =>
  !doc.deletedAt &&
  doc.contextType !== OFFICIAL_DOCUMENT_BODY &&
  doc.ownerId === s.id &&
  clearedFor(s, doc.classification);

type DocumentRule = (s: Subject, r: { kind: string }) => boolean;
const onDocument =
  (rule: (s: Subject, d: DocumentResource) => boolean): DocumentRule =>
  (s, r) =>
    r.kind === 'document' && rule(s, r as DocumentResource);
const needs = (level: Access) =>
  onDocument((s, d) => atLeast(resolveDocumentAccess(s, d.doc, d.shares, d.meeting ?? null), level));

export const documentRules = {
  /** Start a document in one's own unit (administrators create no content). */
  'document.create': (s: Subject) => business(s),
  'document.view': needs('view'),
  'document.comment': needs('comment'),
  'document.suggest': needs('suggest'),
  'document.edit': needs('edit'),
  /** Rename, reclassify, review mode, shares. */
  'document.manage': needs('manage'),
  'document.workflow': onDocument((s, d) => movesWorkflow(s, d.doc)),
};

/**
 * Which ordinary documents a subject may open, as a description a list query can turn into one database filter (the
 * same rule as documentAccess(), so a total never counts what the list hides): not deleted, not a meeting annotation
 * document (those follow the meeting), classification within clearance, and owned, shared with the subject or their
 * unit, of the subject's unit when not minutes, or the minutes of a meeting whose minutes they may read (`minutes`,
 * the minutes read rule as facts). Administrators see none.
 */
export interface DocumentVisibility {
  none: boolean;
  userId: string;
  unitId: string;
  clearance: number;
  minutes: MinutesVisibility;
}

export function documentVisibility(subject: Subject): DocumentVisibility {
  return {
    none: !business(subject),
    userId: subject.id,
    unitId: subject.unitId,
    clearance: subject.clearance,
    minutes: minutesVisibility(subject),
  };
}

/**
 * A person a document may be shared with: a business user cleared for its classification. Sharing a 秘密 document
 * with someone cleared only for 内部 would promise access the rule above never gives; administrators see no content.
 */
export function mayReceiveShare(
  grantee: { clearance: number; adminRole: string | null },
  doc: { classification: number },
): boolean {
  return business(grantee) && clearedFor(grantee, doc.classification);
}

/**
 * Refuses below the access a path needs: a document the subject may not open does not exist for them (404, audited);
 * one they read but may not change this way answers 403, which tells them nothing new.
 */
export function authorizeDocument(subject: Subject, doc: DocumentFacts, access: Access, needed: Access): void {
  if (access === 'none') {
    const hidden = { what: 'document', resourceType: 'document', id: doc.id, classification: doc.classification };
    throw concealed(subject, hidden, `document.${needed}`);
  }
  if (!atLeast(access, needed))
    throw new Forbidden('document_forbidden', `This needs ${needed} access; you have ${access}`);
}

/** Workflow steps (submit, finalise, reopen) belong to the owner, even when the document is read-only for editing. */
export function authorizeWorkflow(subject: Subject, doc: DocumentFacts): void {
  if (!movesWorkflow(subject, doc))
    throw new Forbidden('document_forbidden', 'Only the owner moves a document through its workflow');
}
