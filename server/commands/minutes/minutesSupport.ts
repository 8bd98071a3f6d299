// What the minutes commands share: loading the minutes row with its confirmations, refusing a step the flow does not
// allow, reading the document's current content as ProseMirror JSON, the people asked to confirm, and telling
// the meeting's open screens that the minutes moved on.
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { documentSchema, DOCUMENT_FIELD } from '../../../collab/schema/documentSchema.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../../prisma/generated/client.ts';
import { isMinutesStatus, minutesTransition, type MinutesAction, type MinutesStatus } from '../../domain/minutes/minutesFlow.ts';
import { InvalidState, NotFound } from '../../errors.ts';
import { meetingRoom } from '../../realtime/messages.ts';
import type { Services } from '../../services.ts';

export async function loadMinutes(db: Db | Tx, meetingId: string) {
  const minutes = await db.meetingMinutes.findUnique({ where: { meetingId }, include: { confirmations: true } });
  if (!minutes) throw new NotFound('minutes');
  return minutes;
}

export type LoadedMinutes = Awaited<ReturnType<typeof loadMinutes>>;

/** The status the action leads to, or 409 with the flow's reason. */
export function requireStep(minutes: { status: string }, action: MinutesAction): MinutesStatus {
  if (!isMinutesStatus(minutes.status)) throw new Error(`unknown minutes status ${minutes.status}`);
  const result = minutesTransition(minutes.status, action);
  if (!result.ok) throw new InvalidState(`minutes_${minutes.status}`, result.message);
  return result.to;
}

/** Moves the status only if nobody moved it first (two clicks, two tabs). */
export async function moveMinutes(tx: Tx, meetingId: string, from: string, data: Prisma.MeetingMinutesUncheckedUpdateManyInput): Promise<void> {
  const changed = await tx.meetingMinutes.updateMany({ where: { meetingId, status: from }, data });
  if (changed.count !== 1) throw new InvalidState('concurrent_change', 'The minutes changed meanwhile; reload and try again');
}

export interface JsonNode { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; text?: string; marks?: Array<{ type: string; attrs?: Record<string, unknown> }> }

export function contentOf(state: Uint8Array): JsonNode {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), documentSchema()).toJSON() as JsonNode;
  } finally {
    doc.destroy();
  }
}

/**
 * Who is asked to confirm: the people who sat at the table (出席 and 列席) and did not send their apologies, except
 * the minute-taker who wrote the minutes and the host who closes them.
 */
export async function confirmers(db: Db | Tx, meeting: { id: string; hostId: string | null; minuteTakerId: string | null; classification: number }): Promise<string[]> {
  const seats = await db.meetingParticipant.findMany({
    where: {
      meetingId: meeting.id, role: { in: ['attendee', 'non_voting'] }, rsvp: { notIn: ['leave', 'absent'] },
      user: { disabled: false, clearance: { gte: meeting.classification } },
    },
    select: { userId: true },
    orderBy: { createdAt: 'asc' },
  });
  const skip = new Set([meeting.hostId, meeting.minuteTakerId]);
  return seats.map((s) => s.userId).filter((id) => !skip.has(id));
}

export function announceMinutes(svc: Services, meetingId: string, status: string, round: number): void {
  svc.notifications.broadcast(meetingRoom(meetingId), 'minutes:changed', { meetingId, status, round });
}

export const minutesLink = (documentId: string) => `/documents/${documentId}`;

/**
 * Gives units read access to the minutes (纪要印发): the supervisors' office once there are proposals to review, the
 * lead and co-units once tasks are made, so "open in minutes" from a task works for the people doing it. An existing
 * share keeps its level (the documents are read-only once finalised anyway).
 */
export async function shareMinutesWithUnits(tx: Tx, documentId: string, unitIds: readonly string[], actorId: string, at: Date): Promise<void> {
  for (const unitId of new Set(unitIds)) {
    await tx.documentShare.upsert({
      where: { documentId_granteeType_granteeId: { documentId, granteeType: 'unit', granteeId: unitId } },
      create: { documentId, granteeType: 'unit', granteeId: unitId, access: 'view', createdById: actorId, createdAt: at },
      update: {},
    });
  }
}
