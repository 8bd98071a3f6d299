// Moves a meeting to another time, room or mode (改期/换会议室): shifts its agenda with it, moves the room booking
// (refused if the new slot is taken), re-checks its people for clashes, re-arms the reminders, and tells everyone.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { shift } from '../../domain/meetings/timeRange.ts';
import { isOnline, needsRoom, type MeetingMode } from '../../domain/meetings/vocabulary.ts';
import { BadRequest } from '../../errors.ts';
import { meetingNotice } from '../../notifications/meetingNotices.ts';
import { meetingRoom } from '../../../common/socket/messages.ts';
import { meetingAbout } from '../../notifications/meetingBroadcasts.ts';
import type { NotificationView } from '../../presenters/notification.ts';
import { hashPassword } from '../../security/passwordHash.ts';
import type { Services } from '../../services.ts';
import { requireValidAgenda, type ScheduleWarning } from './meetingScheduler.ts';
import { announce } from '../../notifications/announce.ts';
import { bookRoom, releaseRoom } from './roomBooking.ts';
import {
  findParticipantClashes,
  requireClashesAccepted,
  type ClashView,
} from '../../queries/meetings/participantClashes.ts';
import { joinUrl, newOnlineAccess } from '../../domain/meetings/onlineAccess.ts';
import { loadMeetingForChange } from '../../queries/meetings/meetingForChange.ts';
import { requireTransition, requireValidRange } from '../../domain/meetings/meetingChecks.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface RescheduleInput {
  startAt: Date;
  endAt: Date;
  mode?: MeetingMode | undefined;
  /** undefined keeps the room; null gives it up. */
  roomId?: string | null | undefined;
  acceptClashes: boolean;
}

export interface RescheduleOutcome {
  clashes: ClashView[];
  warnings: ScheduleWarning[];
  /** Set when the change made the meeting online for the first time; shown once. */
  passcode: string | null;
  joinUrl: string | null;
}

export async function rescheduleMeeting(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
  input: RescheduleInput,
): Promise<RescheduleOutcome> {
  const prior = await svc.db.meeting.findUnique({
    where: { id: meetingId },
    select: { mode: true, joinCode: true, status: true },
  });
  const mode = input.mode ?? (prior?.mode as MeetingMode | undefined);
  const access =
    prior && mode && isOnline(mode) && !prior.joinCode && prior.status !== 'draft' ? newOnlineAccess() : null;
  const passcodeHash = access ? await hashPassword(access.passcode) : null;

  const { outcome, created, classification, revision } = await inTransaction(svc, async (tx) => {
    const m = await loadMeetingForChange(tx, meetingId);
    requireTransition(m.status, 'reschedule');
    const range = { start: input.startAt, end: input.endAt };
    requireValidRange(range, ctx.at);
    const newMode = input.mode ?? (m.mode as MeetingMode);
    if (m.plenary && !isOnline(newMode))
      throw new BadRequest(
        'plenary_needs_online',
        'A plenary is held online: make it an ordinary meeting first to hold it only in a room (全体会议需要线上参会：如只在会议室召开，请先取消全体会议)',
      );
    if (newMode === 'online' && input.roomId)
      throw new BadRequest('room_not_needed', 'An online meeting has no room; choose hybrid to use one');
    const roomId = newMode === 'online' ? null : input.roomId !== undefined ? input.roomId : m.roomId;
    const scheduled = m.status === 'scheduled';
    if (scheduled && needsRoom(newMode) && !roomId)
      throw new BadRequest('room_required', 'Choose a room for a meeting held in a room');

    // The agenda moves with the meeting; if the meeting got shorter, its items must be re-timed first.
    const delta = input.startAt.getTime() - m.startAt.getTime();
    const agenda = m.agendaItems.map((a) => {
      if (!a.startAt || !a.endAt) return a;
      const moved = shift({ start: a.startAt, end: a.endAt }, delta);
      return { ...a, startAt: moved.start, endAt: moved.end };
    });
    requireValidAgenda(agenda, range);
    for (const a of agenda)
      if (a.startAt)
        await tx.meetingAgendaItem.update({
          where: { id: a.id },
          data: { startAt: a.startAt, endAt: a.endAt, updatedAt: ctx.at },
        });

    const updated = await tx.meeting.update({
      where: { id: meetingId },
      data: {
        startAt: input.startAt,
        endAt: input.endAt,
        mode: newMode,
        roomId,
        updatedAt: ctx.at,
        ...(scheduled ? { revision: { increment: 1 }, scheduledAt: ctx.at } : {}),
        ...(access ? { joinCode: access.joinCode, passcodeHash } : {}),
      },
      include: { room: { select: { name: true, location: true } } },
    });

    const warnings: ScheduleWarning[] = [];
    let clashes: ClashView[] = [];
    let notices: NotificationView[] = [];
    if (scheduled) {
      if (roomId && needsRoom(newMode)) {
        const { capacity } = await bookRoom(tx, {
          meetingId,
          roomId,
          start: input.startAt,
          end: input.endAt,
          at: ctx.at,
        });
        if (capacity < m.participants.length)
          warnings.push({ code: 'room_capacity', capacity, seats: m.participants.length });
      } else {
        await releaseRoom(tx, meetingId);
      }
      clashes = await findParticipantClashes(tx, subject, {
        meetingId,
        start: input.startAt,
        end: input.endAt,
        userIds: m.participants.map((p) => p.userId),
      });
      requireClashesAccepted(clashes, input.acceptClashes);
      const clashing = new Set(clashes.map((c) => c.userId));
      notices = await svc.notifications.create(
        tx,
        m.participants
          .filter((p) => p.userId !== subject.id)
          .map((p) => meetingNotice(p.userId, 'meeting.rescheduled', updated, { clash: clashing.has(p.userId) })),
        ctx.at,
      );
    }
    await recordAudit(tx, ctx, {
      action: 'meeting.reschedule',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: {
        from: { startAt: m.startAt.toISOString(), endAt: m.endAt.toISOString(), roomId: m.roomId, mode: m.mode },
        to: { startAt: input.startAt.toISOString(), endAt: input.endAt.toISOString(), roomId, mode: newMode },
        clashesAccepted: clashes.map((c) => c.userId),
      },
    });
    const result: RescheduleOutcome = {
      clashes,
      warnings,
      passcode: access?.passcode ?? null,
      joinUrl: updated.joinCode && isOnline(newMode) ? joinUrl(svc, updated.joinCode) : null,
    };
    return { outcome: result, created: notices, classification: m.classification, revision: updated.revision };
  });
  await announce(svc, created, classification);
  await svc.notifications.broadcast(meetingAbout(meetingId), meetingRoom(meetingId), 'meeting:changed', {
    meetingId,
    status: prior?.status ?? 'scheduled',
    revision,
  });
  return outcome;
}
