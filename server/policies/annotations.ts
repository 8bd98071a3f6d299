// Access to meeting annotation documents (a material's shared ink layer, each person's private layer, the meeting's
// whiteboards). Their access follows the meeting, not the document row: whoever may read the meeting's materials may
// draw on them; organisers, the host and agenda presenters may also erase others' marks; a private layer is its
// owner's alone. Nobody writes once the meeting is cancelled or its minutes are final.
import type { Subject } from '../auth/subject.ts';
import { atLeast, type Access, type DocumentFacts } from './access.ts';
import { manages, onMeeting, seated, takesMinutes, type MeetingResource, type MeetingRule } from './meetings.ts';
import { clearedFor } from './predicates.ts';
import { ANNOTATION_CONTEXTS, isAnnotationContext } from '../domain/documents/annotationContexts.ts';

export { ANNOTATION_CONTEXTS, isAnnotationContext };

const READ_ONLY_MEETING_STATUSES = ['minutes_finalised', 'cancelled'];

const atTheTable: MeetingRule = (s, m) => manages(s, m) || takesMinutes(s, m) || seated(s, m);
const open: MeetingRule = (_s, m) => !READ_ONLY_MEETING_STATUSES.includes(m.status);
/** Organisers, the host and agenda presenters lead what is shown: they may erase others' marks and add whiteboards. */
const presents: MeetingRule = (s, m) => manages(s, m) || m.presenting;
const moderates: MeetingRule = (s, m) => open(s, m) && presents(s, m);

/** Meeting-level actions on annotations, mounted in the RULES of index.ts. */
export const annotationRules = {
  /** Open a material's ink layers and the meeting's whiteboards. */
  'annotation.open': onMeeting(atTheTable),
  /** Draw and write notes (while the meeting is open). */
  'annotation.draw': onMeeting((s, m) => open(s, m) && atTheTable(s, m)),
  /** Erase and change other people's marks, present (follow me), add whiteboards. */
  'annotation.moderate': onMeeting(moderates),
  'annotation.whiteboard.create': onMeeting(moderates),
  /** Freeze a frame of the screen share as a whiteboard page background. */
  'annotation.snapshot.upload': onMeeting(moderates),
  /** Put an exported whiteboard or material page into the meeting's minutes. */
  'annotation.minutes.attach': onMeeting((s, m) => open(s, m) && (presents(s, m) || takesMinutes(s, m))),
};

export interface AnnotationFacts extends DocumentFacts {
  contextType: string | null;
}

/**
 * The subject's access to an annotation document. `meeting` is the meeting as the subject sees it (their own seat and
 * agenda items), or null when the material or meeting is gone.
 */
export function annotationAccess(subject: Subject, doc: DocumentFacts, meeting: MeetingResource | null): Access {
  if (doc.deletedAt || !meeting || !clearedFor(subject, doc.classification)) return 'none';
  if (!annotationRules['annotation.open'](subject, meeting)) return 'none';
  const readOnly = !open(subject, meeting);
  if (doc.contextType === ANNOTATION_CONTEXTS.privateMaterial) {
    if (doc.ownerId !== subject.id) return 'none';
    return readOnly ? 'view' : 'edit';
  }
  if (readOnly) return 'view';
  // 'edit' on an ink document means erasing other people's strokes too; 'comment' means adding and erasing one's own.
  return moderates(subject, meeting) ? 'edit' : 'comment';
}

/** Whether a connection may erase strokes, notes and pages that someone else made. */
export function mayEraseOthers(access: Access): boolean {
  return atLeast(access, 'edit');
}
