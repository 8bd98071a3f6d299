// Each person's other meetings at a given time, as the scheduling commands check them and the forms preview them.
// A clashing meeting the caller may not see is only said to exist ("busy"): no id, title or time, so the clash check
// cannot be used to learn when a 秘密 meeting takes place or to name it elsewhere.
import type { Subject } from '../../auth/subject.ts';
import type { Db, Tx } from '../../db/client.ts';
import { participantClashes } from '../../domain/meetings/clashes.ts';
import { Conflict } from '../../errors.ts';
import { can } from '../../policies/index.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';

export interface ClashView {
  userId: string;
  displayName: string;
  unitName: string;
  /** The other meetings the person asking may see. */
  meetings: Array<{ id: string; title: string; startAt: string; endAt: string }>;
  /** Also busy then at a meeting the person asking may not see (said without any detail of it). */
  busyElsewhere: boolean;
}

/** Each person's other meetings at that time (ones they are on leave from, or said they will miss, do not count). */
export async function findParticipantClashes(
  tx: Tx | Db,
  subject: Subject,
  candidate: { meetingId: string | null; start: Date; end: Date; userIds: readonly string[] },
): Promise<ClashView[]> {
  if (candidate.userIds.length === 0) return [];
  const rows = await tx.meetingParticipant.findMany({
    where: {
      userId: { in: [...candidate.userIds] },
      rsvp: { notIn: ['leave', 'absent'] },
      meeting: {
        ...(candidate.meetingId ? { id: { not: candidate.meetingId } } : {}),
        status: { in: ['scheduled', 'in_progress'] },
        startAt: { lt: candidate.end },
        endAt: { gt: candidate.start },
      },
    },
    select: {
      userId: true,
      user: { select: { displayName: true, unit: { select: { name: true } } } },
      meeting: { select: { ...meetingFactsSelect(subject.id), title: true, startAt: true, endAt: true } },
    },
  });
  const clashes = participantClashes(
    { start: candidate.start, end: candidate.end, meetingId: candidate.meetingId },
    candidate.userIds,
    rows.map((r) => ({ userId: r.userId, meetingId: r.meeting.id, start: r.meeting.startAt, end: r.meeting.endAt })),
  );
  return clashes.map((c) => {
    const mine = rows.filter((r) => r.userId === c.userId);
    const person = mine[0]!.user;
    const meetings = c.clashes.map((x) => mine.find((r) => r.meeting.id === x.meetingId)!.meeting);
    const visible = meetings.filter((m) => can(subject, 'meeting.view', meetingResource(m)));
    return {
      userId: c.userId,
      displayName: person.displayName,
      unitName: person.unit.name,
      meetings: visible.map((m) => ({
        id: m.id,
        title: m.title,
        startAt: m.startAt.toISOString(),
        endAt: m.endAt.toISOString(),
      })),
      busyElsewhere: visible.length < meetings.length,
    };
  });
}

/** Refuses a schedule with clashes the organiser has not seen yet; they can look at the list and proceed. */
export function requireClashesAccepted(clashes: ClashView[], accepted: boolean): void {
  if (clashes.length === 0 || accepted) return;
  throw new Conflict(
    'participant_clash',
    `${clashes.map((c) => c.displayName).join('、')} ${clashes.length > 1 ? 'have' : 'has'} another meeting at that time; send acceptClashes to proceed`,
    { clashes },
  );
}
