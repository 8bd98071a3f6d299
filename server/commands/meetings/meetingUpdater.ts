// Edits what a meeting is about and who leads it: title, type, description, host, minute-taker, classification,
// reminders, and before it starts whether it is a plenary (全体会议). Participants are told when something they would
// care about changed.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { normaliseOffsets } from '../../domain/meetings/reminderPlan.ts';
import { isOnline, type MeetingMode, type MeetingType } from '../../domain/meetings/vocabulary.ts';
import { BadRequest } from '../../errors.ts';
import { authorize, classificationResource, plenaryLocked, type MeetingResource } from '../../policies/index.ts';
import { meetingNotice } from '../../notifications/meetingNotices.ts';
import { meetingRoom } from '../../../common/socket/messages.ts';
import { meetingAbout } from '../../notifications/meetingBroadcasts.ts';
import type { Services } from '../../services.ts';
import { announce } from '../../notifications/announce.ts';
import { loadMeetingForChange } from '../../queries/meetings/meetingForChange.ts';
import { loadPeople, requireCleared } from '../../queries/meetings/meetingPeople.ts';
import { requireTransition } from '../../domain/meetings/meetingChecks.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { MeetingForChange } from '../../queries/meetings/meetingForChange.ts';

export interface MeetingChanges {
  title?: string | undefined;
  type?: MeetingType | undefined;
  customType?: string | null | undefined;
  description?: string | undefined;
  hostId?: string | null | undefined;
  minuteTakerId?: string | null | undefined;
  classification?: number | undefined;
  reminderMinutes?: number[] | undefined;
  /** A plenary (全体会议/宣讲会): online or hybrid only, and only before the meeting starts. */
  plenary?: boolean | undefined;
}

/** Changes participants are notified of; the rest (description, reminders) are quiet. */
const NOTABLE: ReadonlyArray<keyof MeetingChanges> = [
  'title',
  'type',
  'customType',
  'hostId',
  'minuteTakerId',
  'classification',
  'plenary',
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
    // Asked first, so that a started or ended meeting is refused for this reason, in both languages.
    const plenary = changes.plenary ?? m.plenary;
    if (plenary !== m.plenary) requirePlenaryChange(svc, subject, m, plenary);
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

    // Asking for what it already is changes nothing (a form sends every field it shows).
    const changed = (Object.keys(changes) as Array<keyof MeetingChanges>).filter(
      (k) => changes[k] !== undefined && !(k === 'plenary' && plenary === m.plenary),
    );
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
        plenary,
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
      detail: {
        fields: changed,
        classification,
        ...(plenary !== m.plenary ? { plenary: { from: m.plenary, to: plenary } } : {}),
      },
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

/**
 * Whether a meeting may become a plenary, or stop being one, now. The policy says who, and that it is before the start;
 * an online room already open (people join a scheduled meeting early) was set up for the old kind, with or without the
 * plenary's door count (TONGBAN_PLENARY_CAPACITY besides the host, taken at each join), so it must close first. A
 * plenary is held online. How many are invited is not limited: a hybrid plenary seats people in its room, and the door
 * count is what holds online.
 */
function requirePlenaryChange(svc: Services, subject: Subject, m: MeetingForChange, plenary: boolean): void {
  authorize(subject, 'meeting.plenary.change', resourceOf(subject, m));
  if (svc.liveMeetings.peek(m.id)) throw plenaryLocked();
  if (plenary && !isOnline(m.mode as MeetingMode))
    throw new BadRequest(
      'plenary_needs_online',
      'A plenary is held online: choose online or hybrid (全体会议需要线上参会：请选择线上或线上线下结合)',
    );
}

/** The meeting as the policies see it for this subject, from the row read inside the transaction. */
function resourceOf(subject: Subject, m: MeetingForChange): MeetingResource {
  const seat = m.participants.find((p) => p.userId === subject.id);
  return {
    kind: 'meeting',
    id: m.id,
    status: m.status,
    organiserUnitId: m.organiserUnitId,
    classification: m.classification,
    createdById: m.createdById,
    hostId: m.hostId,
    minuteTakerId: m.minuteTakerId,
    seat: seat ? { role: seat.role } : null,
    presenting: m.agendaItems.some((a) => a.presenterId === subject.id),
  };
}
