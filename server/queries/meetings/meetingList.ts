// The calendar lists of meetings (mine, my unit's, the ones I organise) for a day, week or month, each with the
// caller's reply, role and clash flags.
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { overlappingPairs } from '../../domain/meetings/clashes.ts';
import type { MeetingStatus } from '../../domain/meetings/meetingStatus.ts';
import type { RsvpState } from '../../domain/meetings/vocabulary.ts';
import { can, meetingVisibility } from '../../policies/index.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import { presentMeetingSummary } from '../../presenters/meeting.ts';
import { rangeFor } from './calendarRange.ts';

export interface MeetingListParams {
  scope: 'mine' | 'unit' | 'organised';
  view: 'day' | 'week' | 'month';
  date?: string | undefined;
  timeZone: string;
  status?: MeetingStatus | undefined;
}

export interface MeetingList {
  from: string;
  to: string;
  items: Array<ReturnType<typeof presentMeetingSummary>>;
}

const OCCUPYING = ['scheduled', 'in_progress'];

export async function listMeetings(
  db: Db,
  subject: Subject,
  query: MeetingListParams,
  now: Date,
): Promise<MeetingList> {
  const { from, to } = rangeFor(query, now);
  const result: MeetingList = { from: from.toISOString(), to: to.toISOString(), items: [] };
  const visible = meetingVisibility(subject);
  if (visible.none) return result;
  const me = visible.userId;
  const reasons = {
    mine: [{ createdById: me }, { hostId: me }, { minuteTakerId: me }, { participants: { some: { userId: me } } }],
    unit: [{ organiserUnitId: visible.unitId }],
    organised: [
      { createdById: me },
      { hostId: me },
      ...(visible.organisesUnit ? [{ organiserUnitId: visible.unitId }] : []),
    ],
  }[query.scope];
  const rows = await db.meeting.findMany({
    where: {
      startAt: { lt: to },
      endAt: { gt: from },
      classification: { lte: visible.clearance },
      OR: reasons,
      ...(query.status ? { status: query.status } : {}),
    },
    select: {
      ...meetingFactsSelect(me),
      title: true,
      type: true,
      customType: true,
      mode: true,
      plenary: true,
      startAt: true,
      endAt: true,
      timeZone: true,
      organiserUnit: { select: { id: true, name: true } },
      room: { select: { id: true, name: true, location: true } },
      participants: { where: { userId: me }, select: { role: true, rsvp: true } },
    },
    orderBy: { startAt: 'asc' },
    take: 1000,
  });
  // Clash flags come from all of my own commitments in the range, whichever list is shown.
  const mine = await db.meetingParticipant.findMany({
    where: {
      userId: me,
      rsvp: { notIn: ['leave', 'absent'] },
      meeting: { status: { in: OCCUPYING }, startAt: { lt: to }, endAt: { gt: from } },
    },
    select: { meeting: { select: { id: true, startAt: true, endAt: true } } },
  });
  const clashes = overlappingPairs(
    mine.map((p) => ({ id: p.meeting.id, start: p.meeting.startAt, end: p.meeting.endAt })),
  );
  for (const row of rows) {
    if (!can(subject, 'meeting.view', meetingResource(row))) continue;
    const seat = row.participants[0];
    const role =
      row.createdById === me
        ? 'organiser'
        : row.hostId === me
          ? 'host'
          : row.minuteTakerId === me
            ? 'minute_taker'
            : (seat?.role ?? null);
    result.items.push(
      presentMeetingSummary(row, {
        rsvp: (seat?.rsvp as RsvpState | undefined) ?? null,
        role,
        clashesWith: clashes.get(row.id) ?? [],
      }),
    );
  }
  return result;
}
