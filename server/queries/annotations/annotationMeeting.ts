// Loads the meeting behind an annotation document once, with everyone's seats and agenda items, so that the access of
// any number of connections (the collab server's periodic re-check of a 30-tablet meeting) costs two queries.
import type { Db, Tx } from '../../db/client.ts';
import { ANNOTATION_CONTEXTS, MINUTES_CONTEXT } from '../../domain/documents/annotationContexts.ts';
import { meetingResource, type MeetingFactsRow } from '../../policies/meetingFacts.ts';
import type { MeetingResource } from '../../policies/meetings.ts';

/** The meeting facts of every person at once: all seats and all presenters, not just one subject's. */
export interface AnnotationMeeting extends Omit<MeetingFactsRow, 'participants' | 'agendaItems'> {
  participants: Array<{ userId: string; role: string }>;
  agendaItems: Array<{ presenterId: string | null }>;
}

const meetingSelect = {
  id: true,
  status: true,
  organiserUnitId: true,
  classification: true,
  createdById: true,
  hostId: true,
  minuteTakerId: true,
  participants: { select: { userId: true, role: true } },
  agendaItems: { where: { presenterId: { not: null } }, select: { presenterId: true } },
} as const;

/**
 * The meeting an annotation document or a meeting's minutes belongs to, or null when it, or the annotated material,
 * is gone.
 */
export async function loadAnnotationMeeting(
  db: Db | Tx,
  doc: { contextType: string | null; contextId: string | null },
): Promise<AnnotationMeeting | null> {
  if (!doc.contextId) return null;
  let meetingId: string;
  if (doc.contextType === ANNOTATION_CONTEXTS.whiteboard || doc.contextType === MINUTES_CONTEXT) {
    meetingId = doc.contextId;
  } else if (
    doc.contextType === ANNOTATION_CONTEXTS.sharedMaterial ||
    doc.contextType === ANNOTATION_CONTEXTS.privateMaterial
  ) {
    const material = await db.meetingMaterial.findUnique({
      where: { id: doc.contextId },
      select: { meetingId: true, removedAt: true },
    });
    if (!material || material.removedAt) return null;
    meetingId = material.meetingId;
  } else {
    return null;
  }
  return db.meeting.findUnique({ where: { id: meetingId }, select: meetingSelect });
}

/** A meeting with everyone's seats and agenda items, to decide for many people at once (the outbound gate). */
export async function meetingForEveryone(db: Db | Tx, meetingId: string): Promise<AnnotationMeeting | null> {
  return db.meeting.findUnique({ where: { id: meetingId }, select: meetingSelect });
}

/** The meeting as one subject sees it (their own seat, whether they present), for the meeting policies. */
export function meetingAsSeenBy(meeting: AnnotationMeeting, subjectId: string): MeetingResource {
  return meetingResource({
    ...meeting,
    participants: meeting.participants.filter((p) => p.userId === subjectId),
    agendaItems: meeting.agendaItems
      .filter((a) => a.presenterId === subjectId)
      .map(() => ({ id: subjectId }))
      .slice(0, 1),
  });
}
