// A meeting's room booking, written inside the scheduling commands' transaction: book or move it (refused when the
// slot is taken), or release it.
import type { Tx } from '../../db/client.ts';
import { refusedByTrigger } from '../../db/triggerRefusal.ts';
import { BadRequest, Conflict } from '../../errors.ts';

/**
 * Books the room for the meeting, or moves its booking. Inside the transaction the overlap check and the write are
 * atomic: SQLite runs one write transaction at a time (and the driver adapter serialises this process's
 * transactions), so two clerks booking the same slot at the same moment are answered one after the other and the
 * second sees the first's booking. The trigger in the migration refuses an overlap even if a writer skipped this
 * check. On PostgreSQL the same holds with an exclusion constraint on (roomId, tstzrange(startAt, endAt)), or by
 * locking the room row first (SELECT … FROM "Room" WHERE id = $1 FOR UPDATE) so bookings of one room queue up.
 */
export async function bookRoom(
  tx: Tx,
  booking: { meetingId: string; roomId: string; start: Date; end: Date; at: Date },
): Promise<{ capacity: number }> {
  const room = await tx.room.findUnique({ where: { id: booking.roomId } });
  if (!room) throw new BadRequest('unknown_room', 'The room does not exist');
  if (!room.active) throw new Conflict('room_inactive', `${room.name} is no longer in use`);
  const clashes = await tx.roomBooking.findMany({
    where: {
      roomId: booking.roomId,
      meetingId: { not: booking.meetingId },
      startAt: { lt: booking.end },
      endAt: { gt: booking.start },
    },
    orderBy: { startAt: 'asc' },
    select: { startAt: true, endAt: true },
  });
  if (clashes.length > 0) {
    throw new Conflict('room_booked', `${room.name} is already booked at that time`, {
      roomId: room.id,
      roomName: room.name,
      bookings: clashes.map((c) => ({ startAt: c.startAt.toISOString(), endAt: c.endAt.toISOString() })),
    });
  }
  try {
    await tx.roomBooking.upsert({
      where: { meetingId: booking.meetingId },
      create: {
        meetingId: booking.meetingId,
        roomId: booking.roomId,
        startAt: booking.start,
        endAt: booking.end,
        createdAt: booking.at,
      },
      update: { roomId: booking.roomId, startAt: booking.start, endAt: booking.end },
    });
  } catch (err) {
    if (refusedByTrigger(err, 'room_booking_overlap'))
      throw new Conflict('room_booked', `${room.name} is already booked at that time`, {
        roomId: room.id,
        roomName: room.name,
        bookings: [],
      });
    throw err;
  }
  return { capacity: room.capacity };
}

export async function releaseRoom(tx: Tx, meetingId: string): Promise<void> {
  await tx.roomBooking.deleteMany({ where: { meetingId } });
}
