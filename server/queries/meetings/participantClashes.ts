// Each person's other meetings at a given time, as the scheduling commands check them and the forms preview them;
// the title of a clashing meeting only for someone who may see it.
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
  /** The other meetings; the title only when the person asking may see that meeting. */
  meetings: Array<{ id: string; title: string | null; startAt: string; endAt: string }>;
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
    return {
      userId: c.userId,
      displayName: person.displayName,
      unitName: person.unit.name,
      meetings: c.clashes.map((x) => {
        const m = mine.find((r) => r.meeting.id === x.meetingId)!.meeting;
        return {
          id: m.id,
          title: can(subject, 'meeting.view', meetingResource(m)) ? m.title : null,
          startAt: m.startAt.toISOString(),
          endAt: m.endAt.toISOString(),
        };
      }),
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
