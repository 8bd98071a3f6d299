// Who is asked to confirm a meeting's minutes (会签).
import type { Db, Tx } from '../../db/client.ts';

/**
 * Who is asked to confirm: the people who sat at the table (出席 and 列席) and did not send their apologies, except
 * the minute-taker who wrote the minutes and the host who closes them.
 */
export async function confirmers(
  db: Db | Tx,
  meeting: { id: string; hostId: string | null; minuteTakerId: string | null; classification: number },
): Promise<string[]> {
  const seats = await db.meetingParticipant.findMany({
    where: {
      meetingId: meeting.id,
      role: { in: ['attendee', 'non_voting'] },
      rsvp: { notIn: ['leave', 'absent'] },
      user: { disabled: false, clearance: { gte: meeting.classification } },
    },
    select: { userId: true },
    orderBy: { createdAt: 'asc' },
  });
  const skip = new Set([meeting.hostId, meeting.minuteTakerId]);
  return seats.map((s) => s.userId).filter((id) => !skip.has(id));
}
