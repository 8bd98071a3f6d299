// Schedules a meeting (会议安排): saves it as a draft, or books its room, checks its people for clashes and clearance,
// and notifies every participant, all in one transaction with its audit event. A draft is scheduled the same way later.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { agendaProblem, type AgendaProblem } from '../../domain/meetings/agenda.ts';
import { isTimeZone } from '../../domain/meetings/localTime.ts';
import { normaliseOffsets } from '../../domain/meetings/reminderPlan.ts';
import { isOnline, needsRoom, type MeetingMode, type MeetingType } from '../../domain/meetings/vocabulary.ts';
import { BadRequest } from '../../errors.ts';
import { authorize, classificationResource } from '../../policies/index.ts';
import { meetingNotice } from '../../notifications/meetingNotices.ts';
import type { NotificationView } from '../../presenters/notification.ts';
import { hashPassword } from '../../security/passwordHash.ts';
import type { Services } from '../../services.ts';
import { announce } from '../../notifications/announce.ts';
import { bookRoom } from './roomBooking.ts';
import {
  findParticipantClashes,
  requireClashesAccepted,
  type ClashView,
} from '../../queries/meetings/participantClashes.ts';
import { joinUrl, newOnlineAccess } from '../../domain/meetings/onlineAccess.ts';
import { loadMeetingForChange } from '../../queries/meetings/meetingForChange.ts';
import { loadPeople, requireCleared } from '../../queries/meetings/meetingPeople.ts';
import { planSeats, type Invitation, type SeatPlan } from '../../queries/meetings/seatPlan.ts';
import { requireTransition, requireValidRange } from '../../domain/meetings/meetingChecks.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface AgendaInput {
  /** An existing item's id when the agenda is edited (keeps its materials). */
  id?: string | undefined;
  title: string;
  presenterId: string | null;
  startAt: Date | null;
  endAt: Date | null;
}

export interface MeetingDraft {
  title: string;
  type: MeetingType;
  customType: string | null;
  description: string;
  hostId: string | null;
  minuteTakerId: string | null;
  startAt: Date;
  endAt: Date;
  timeZone: string;
  mode: MeetingMode;
  /** A plenary (全体会议/宣讲会): only the host and the speakers they name send media; online or hybrid only. */
  plenary: boolean;
  roomId: string | null;
  classification: number;
  agenda: AgendaInput[];
  invitation: Invitation;
  /** Minutes before the start; null for the configured default. */
  reminderMinutes: number[] | null;
}

export interface ScheduleWarning {
  code: 'room_capacity';
  capacity: number;
  seats: number;
}

export interface ScheduleOutcome {
  id: string;
  status: string;
  /** Shown once: only its hash is stored. */
  passcode: string | null;
  joinUrl: string | null;
  clashes: ClashView[];
  excluded: SeatPlan['excluded'];
  warnings: ScheduleWarning[];
}

const AGENDA_MESSAGES: Record<AgendaProblem, string> = {
  slot_incomplete: 'needs both a start and an end time, or neither',
  slot_end_before_start: 'ends before it starts',
  slot_zero_length: 'must end after it starts',
  slot_outside_meeting: 'lies outside the meeting time',
  slots_overlap: 'overlaps the item before it',
};

export function requireValidAgenda(agenda: readonly AgendaInput[], range: { start: Date; end: Date }): void {
  const problem = agendaProblem(
    agenda.map((a) => ({ start: a.startAt, end: a.endAt })),
    range,
  );
  if (problem)
    throw new BadRequest(problem.problem, `Agenda item ${problem.index + 1} ${AGENDA_MESSAGES[problem.problem]}`, {
      index: problem.index,
    });
}

function validateDraft(subject: Subject, draft: MeetingDraft, now: Date, scheduling: boolean): void {
  authorize(subject, 'meeting.arrange');
  authorize(subject, 'classification.assign', classificationResource(draft.classification));
  requireValidRange({ start: draft.startAt, end: draft.endAt }, now);
  if (!isTimeZone(draft.timeZone)) throw new BadRequest('invalid_time_zone', `Unknown time zone ${draft.timeZone}`);
  if (draft.type === 'custom' && !draft.customType)
    throw new BadRequest('custom_type_required', 'Name the meeting type');
  if (draft.mode === 'online' && draft.roomId)
    throw new BadRequest('room_not_needed', 'An online meeting has no room; choose hybrid to use one');
  if (draft.plenary && !isOnline(draft.mode))
    throw new BadRequest(
      'plenary_needs_online',
      'A plenary is held online: choose online or hybrid (全体会议需要线上参会：请选择线上或线上线下结合)',
    );
  if (scheduling && needsRoom(draft.mode) && !draft.roomId)
    throw new BadRequest('room_required', 'Choose a room for a meeting held in a room');
  requireValidAgenda(draft.agenda, { start: draft.startAt, end: draft.endAt });
}

export async function saveAgenda(
  tx: Tx,
  meetingId: string,
  agenda: readonly AgendaInput[],
  classification: number,
  at: Date,
): Promise<void> {
  requireCleared(
    (
      await loadPeople(
        tx,
        agenda.flatMap((a) => (a.presenterId ? [a.presenterId] : [])),
      )
    ).values(),
    classification,
  );
  const existing = await tx.meetingAgendaItem.findMany({ where: { meetingId }, select: { id: true } });
  const kept = new Set(agenda.flatMap((a) => (a.id ? [a.id] : [])));
  for (const id of kept)
    if (!existing.some((e) => e.id === id))
      throw new BadRequest('unknown_agenda_item', 'An agenda item does not belong to this meeting', { id });
  await tx.meetingAgendaItem.deleteMany({ where: { meetingId, id: { notIn: [...kept] } } });
  for (const [position, item] of agenda.entries()) {
    const data = {
      position,
      title: item.title,
      presenterId: item.presenterId,
      startAt: item.startAt,
      endAt: item.endAt,
      updatedAt: at,
    };
    if (item.id) await tx.meetingAgendaItem.update({ where: { id: item.id }, data });
    else await tx.meetingAgendaItem.create({ data: { ...data, meetingId, createdAt: at } });
  }
}

export async function createMeeting(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  draft: MeetingDraft,
  options: { schedule: boolean; acceptClashes: boolean },
): Promise<ScheduleOutcome> {
  validateDraft(subject, draft, ctx.at, options.schedule);
  const access = options.schedule && isOnline(draft.mode) ? newOnlineAccess() : null;
  const passcodeHash = access ? await hashPassword(access.passcode) : null;
  const reminders = normaliseOffsets(draft.reminderMinutes ?? svc.config.meetingReminderMinutes);

  const { outcome, created } = await inTransaction(svc, async (tx) => {
    const plan = await planSeats(tx, draft.invitation, draft, draft.classification);
    if (draft.roomId && !(await tx.room.findUnique({ where: { id: draft.roomId } })))
      throw new BadRequest('unknown_room', 'The room does not exist');
    const meeting = await tx.meeting.create({
      data: {
        title: draft.title,
        type: draft.type,
        customType: draft.type === 'custom' ? draft.customType : null,
        description: draft.description,
        organiserUnitId: subject.unitId,
        createdById: subject.id,
        hostId: draft.hostId,
        minuteTakerId: draft.minuteTakerId,
        startAt: draft.startAt,
        endAt: draft.endAt,
        timeZone: draft.timeZone,
        mode: draft.mode,
        plenary: draft.plenary,
        roomId: draft.roomId,
        classification: draft.classification,
        status: options.schedule ? 'scheduled' : 'draft',
        revision: options.schedule ? 1 : 0,
        reminderMinutes: JSON.stringify(reminders),
        joinCode: access?.joinCode ?? null,
        passcodeHash,
        createdAt: ctx.at,
        updatedAt: ctx.at,
        scheduledAt: options.schedule ? ctx.at : null,
      },
    });
    await saveAgenda(tx, meeting.id, draft.agenda, draft.classification, ctx.at);
    await tx.meetingUnitInvite.createMany({
      data: draft.invitation.units.map((u) => ({ meetingId: meeting.id, unitId: u.unitId, role: u.role })),
    });
    await tx.meetingParticipant.createMany({
      data: plan.seats.map((s) => ({
        meetingId: meeting.id,
        userId: s.userId,
        role: s.role,
        viaUnitId: s.viaUnitId,
        createdAt: ctx.at,
      })),
    });

    const scheduled = options.schedule
      ? await announceSchedule(svc, tx, ctx, subject, meeting.id, options.acceptClashes)
      : { clashes: [], warnings: [], created: [] };
    await recordAudit(tx, ctx, {
      action: 'meeting.create',
      resourceType: 'meeting',
      resourceId: meeting.id,
      detail: {
        status: meeting.status,
        type: draft.type,
        mode: draft.mode,
        plenary: draft.plenary,
        roomId: draft.roomId,
        classification: draft.classification,
        seats: plan.seats.length,
        units: draft.invitation.units.map((u) => u.unitId),
        excludedForClearance: plan.excluded.map((e) => e.userId),
        clashesAccepted: scheduled.clashes.map((c) => c.userId),
      },
    });
    const result: ScheduleOutcome = {
      id: meeting.id,
      status: meeting.status,
      passcode: access?.passcode ?? null,
      joinUrl: access ? joinUrl(svc, access.joinCode) : null,
      clashes: scheduled.clashes,
      excluded: plan.excluded,
      warnings: scheduled.warnings,
    };
    return { outcome: result, created: scheduled.created };
  });
  await announce(svc, created, draft.classification);
  return outcome;
}

/** Publishes a draft: books its room, checks clashes, tells everyone. */
export async function scheduleDraft(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
  options: { acceptClashes: boolean },
): Promise<ScheduleOutcome> {
  const prior = await svc.db.meeting.findUnique({ where: { id: meetingId }, select: { mode: true, joinCode: true } });
  const access = prior && isOnline(prior.mode as MeetingMode) && !prior.joinCode ? newOnlineAccess() : null;
  const passcodeHash = access ? await hashPassword(access.passcode) : null;
  const { outcome, created, classification } = await inTransaction(svc, async (tx) => {
    const meeting = await loadMeetingForChange(tx, meetingId);
    requireTransition(meeting.status, 'schedule');
    requireValidRange({ start: meeting.startAt, end: meeting.endAt }, ctx.at);
    if (needsRoom(meeting.mode as MeetingMode) && !meeting.roomId)
      throw new BadRequest('room_required', 'Choose a room for a meeting held in a room');
    await tx.meeting.update({
      where: { id: meetingId },
      data: {
        status: 'scheduled',
        scheduledAt: ctx.at,
        updatedAt: ctx.at,
        revision: { increment: 1 },
        ...(access ? { joinCode: access.joinCode, passcodeHash } : {}),
      },
    });
    const scheduled = await announceSchedule(svc, tx, ctx, subject, meetingId, options.acceptClashes);
    await recordAudit(tx, ctx, {
      action: 'meeting.schedule',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { roomId: meeting.roomId, clashesAccepted: scheduled.clashes.map((c) => c.userId) },
    });
    const result: ScheduleOutcome = {
      id: meetingId,
      status: 'scheduled',
      passcode: access?.passcode ?? null,
      joinUrl: access ? joinUrl(svc, access.joinCode) : meeting.joinCode ? joinUrl(svc, meeting.joinCode) : null,
      clashes: scheduled.clashes,
      excluded: [],
      warnings: scheduled.warnings,
    };
    return { outcome: result, created: scheduled.created, classification: meeting.classification };
  });
  await announce(svc, created, classification);
  return outcome;
}

/** The scheduling step proper, on a meeting row already written: room, clashes, notices. */
async function announceSchedule(
  svc: Services,
  tx: Tx,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
  acceptClashes: boolean,
) {
  const meeting = await loadMeetingForChange(tx, meetingId);
  const warnings: ScheduleWarning[] = [];
  if (meeting.roomId && needsRoom(meeting.mode as MeetingMode)) {
    const { capacity } = await bookRoom(tx, {
      meetingId,
      roomId: meeting.roomId,
      start: meeting.startAt,
      end: meeting.endAt,
      at: ctx.at,
    });
    if (capacity < meeting.participants.length)
      warnings.push({ code: 'room_capacity', capacity, seats: meeting.participants.length });
  }
  const clashes = await findParticipantClashes(tx, subject, {
    meetingId,
    start: meeting.startAt,
    end: meeting.endAt,
    userIds: meeting.participants.map((p) => p.userId),
  });
  requireClashesAccepted(clashes, acceptClashes);
  const clashing = new Set(clashes.map((c) => c.userId));
  const created: NotificationView[] = await svc.notifications.create(
    tx,
    meeting.participants
      .filter((p) => p.userId !== subject.id)
      .map((p) => meetingNotice(p.userId, 'meeting.scheduled', meeting, { clash: clashing.has(p.userId) })),
    ctx.at,
  );
  return { clashes, warnings, created };
}
