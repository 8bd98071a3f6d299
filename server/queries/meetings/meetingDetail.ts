// One meeting as the caller may see it: everything the detail page shows, shaped by the policies' answers.
import type { Subject } from '../../auth/subject.ts';
import { findParticipantClashes } from './participantClashes.ts';
import { joinUrl } from '../../domain/meetings/onlineAccess.ts';
import { attendanceSummary, rsvpSummary } from '../../domain/meetings/attendance.ts';
import { occupiesTime, type MeetingStatus } from '../../domain/meetings/meetingStatus.ts';
import { isOnline, type MeetingMode } from '../../domain/meetings/vocabulary.ts';
import { can, type MeetingResource } from '../../policies/index.ts';
import { presentMeetingDetail, type MeetingDetailView } from '../../presenters/meeting.ts';
import type { Services } from '../../services.ts';
import { seatFacts } from './seatFacts.ts';

const named = { select: { id: true, displayName: true } } as const;

export async function meetingDetail(
  svc: Services,
  subject: Subject,
  resource: MeetingResource,
): Promise<MeetingDetailView> {
  const { db } = svc;
  const row = await db.meeting.findUniqueOrThrow({
    where: { id: resource.id },
    include: {
      organiserUnit: { select: { id: true, name: true } },
      room: { select: { id: true, name: true, location: true } },
      createdBy: named,
      host: named,
      minuteTaker: named,
      agendaItems: { orderBy: { position: 'asc' }, include: { presenter: named } },
      participants: {
        include: {
          user: {
            select: { id: true, displayName: true, title: true, unitId: true, unit: { select: { name: true } } },
          },
        },
        orderBy: [{ user: { unit: { sortOrder: 'asc' } } }, { createdAt: 'asc' }],
      },
      unitInvites: { include: { unit: { select: { name: true } } } },
      materials: {
        where: { removedAt: null },
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
        include: { uploadedBy: named, views: { select: { userId: true, firstAt: true, lastAt: true } } },
      },
    },
  });
  const manage = can(subject, 'meeting.manage', resource);
  const run = can(subject, 'meeting.run', resource);
  const seat = row.participants.find((p) => p.userId === subject.id);
  const now = svc.clock.now();
  const away = seat?.rsvp === 'leave' || seat?.rsvp === 'absent';
  const myClashes =
    seat && !away && occupiesTime(row.status as MeetingStatus)
      ? ((
          await findParticipantClashes(db, subject, {
            meetingId: row.id,
            start: row.startAt,
            end: row.endAt,
            userIds: [subject.id],
          })
        )[0]?.meetings ?? [])
      : [];
  const facts = manage || run ? await seatFacts(db, row.id) : [];
  return presentMeetingDetail(row, {
    viewerId: subject.id,
    manage,
    run,
    reply: can(subject, 'meeting.reply', resource),
    signIn: can(subject, 'meeting.signIn', resource),
    readMaterials: can(subject, 'meeting.material.read', resource),
    uploadMaterials: can(subject, 'meeting.material.upload', resource),
    changePlenary: can(subject, 'meeting.plenary.change', resource),
    joinUrl:
      isOnline(row.mode as MeetingMode) && row.joinCode && (manage || run || seat) ? joinUrl(svc, row.joinCode) : null,
    now,
    myClashes,
    rsvpSummary: manage || run ? rsvpSummary(facts) : null,
    attendanceSummary: run ? attendanceSummary(facts, row.startAt, now) : null,
  });
}
