// Edits what a meeting is about and who leads it: title, type, description, host, minute-taker, classification,
// reminders. Participants are told when something they would care about changed.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { normaliseOffsets } from '../../domain/meetings/reminderPlan.ts';
import type { MeetingType } from '../../domain/meetings/vocabulary.ts';
import { BadRequest } from '../../errors.ts';
import { authorize, classificationResource } from '../../policies/index.ts';
import { meetingNotice } from '../../notifications/meetingNotices.ts';
import { meetingRoom } from '../../../common/socket/messages.ts';
import { meetingAbout } from '../../notifications/meetingBroadcasts.ts';
import type { Services } from '../../services.ts';
import { announce } from '../../notifications/announce.ts';
import { loadMeetingForChange } from '../../queries/meetings/meetingForChange.ts';
import { loadPeople, requireCleared } from '../../queries/meetings/meetingPeople.ts';
import { requireTransition } from '../../domain/meetings/meetingChecks.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface MeetingChanges {
  title?: string | undefined;
  type?: MeetingType | undefined;
  customType?: string | null | undefined;
  description?: string | undefined;
  hostId?: string | null | undefined;
  minuteTakerId?: string | null | undefined;
  classification?: number | undefined;
  reminderMinutes?: number[] | undefined;
}

/** Changes participants are notified of; the rest (description, reminders) are quiet. */
const NOTABLE: ReadonlyArray<keyof MeetingChanges> = [
  'title',
  'type',
  'customType',
  'hostId',
  'minuteTakerId',
  'classification',
];

export async function updateMeeting(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
  changes: MeetingChanges,
): Promise<void> {
  if (changes.classification !== undefined)
    authorize(subject, 'classification.assign', classificationResource(changes.classification));
  const { created, classification, status, revision } = await inTransaction(svc, async (tx) => {
    const m = await loadMeetingForChange(tx, meetingId);
    requireTransition(m.status, 'edit');
    const type = changes.type ?? m.type;
    const customType = changes.customType !== undefined ? changes.customType : m.customType;
    if (type === 'custom' && !customType) throw new BadRequest('custom_type_required', 'Name the meeting type');
    const classification = changes.classification ?? m.classification;
    const hostId = changes.hostId !== undefined ? changes.hostId : m.hostId;
    const minuteTakerId = changes.minuteTakerId !== undefined ? changes.minuteTakerId : m.minuteTakerId;

    // Everyone at the table, and everyone presenting, must be cleared for the (new) classification.
    const people = await loadPeople(
      tx,
      [
        ...m.participants.map((p) => p.userId),
        ...m.agendaItems.flatMap((a) => (a.presenterId ? [a.presenterId] : [])),
        ...[hostId, minuteTakerId].filter((id): id is string => id !== null),
      ].filter((id, i, all) => all.indexOf(id) === i),
    );
    requireCleared(people.values(), classification);
    for (const id of [hostId, minuteTakerId]) {
      if (id && !m.participants.some((p) => p.userId === id))
        await tx.meetingParticipant.create({ data: { meetingId, userId: id, role: 'attendee', createdAt: ctx.at } });
    }

    const changed = (Object.keys(changes) as Array<keyof MeetingChanges>).filter((k) => changes[k] !== undefined);
    const notable = m.status !== 'draft' && changed.some((k) => NOTABLE.includes(k));
    const updated = await tx.meeting.update({
      where: { id: meetingId },
      data: {
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        type,
        customType: type === 'custom' ? customType : null,
        hostId,
        minuteTakerId,
        classification,
        ...(changes.reminderMinutes !== undefined
          ? { reminderMinutes: JSON.stringify(normaliseOffsets(changes.reminderMinutes)) }
          : {}),
        ...(notable ? { revision: { increment: 1 } } : {}),
        updatedAt: ctx.at,
      },
      include: { room: { select: { name: true, location: true } }, participants: { select: { userId: true } } },
    });
    const created = notable
      ? await svc.notifications.create(
          tx,
          updated.participants
            .filter((p) => p.userId !== subject.id)
            .map((p) => meetingNotice(p.userId, 'meeting.updated', updated)),
          ctx.at,
        )
      : [];
    await recordAudit(tx, ctx, {
      action: 'meeting.update',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { fields: changed, classification },
    });
    return { created, classification, status: updated.status, revision: updated.revision };
  });
  await announce(svc, created, classification);
  await svc.notifications.broadcast(meetingAbout(meetingId), meetingRoom(meetingId), 'meeting:changed', {
    meetingId,
    status,
    revision,
  });
}
