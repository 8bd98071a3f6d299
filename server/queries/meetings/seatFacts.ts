// Each seat's reply and sign-in with its unit, in seating order: what the reply and attendance counts are made from.
import type { Db } from '../../db/client.ts';
import type { SeatFacts } from '../../domain/meetings/attendance.ts';
import type { RsvpState } from '../../domain/meetings/vocabulary.ts';

export async function seatFacts(db: Db, meetingId: string): Promise<SeatFacts[]> {
  const seats = await db.meetingParticipant.findMany({
    where: { meetingId },
    select: {
      userId: true,
      rsvp: true,
      signedInAt: true,
      user: { select: { unitId: true, unit: { select: { name: true, sortOrder: true } } } },
    },
    orderBy: [{ user: { unit: { sortOrder: 'asc' } } }, { createdAt: 'asc' }],
  });
  return seats.map((s) => ({
    userId: s.userId,
    unitId: s.user.unitId,
    unitName: s.user.unit.name,
    rsvp: s.rsvp as RsvpState,
    signedInAt: s.signedInAt,
  }));
}
