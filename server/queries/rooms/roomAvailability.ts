// When rooms are taken in a calendar range (availability for a day or week, a room's own calendar). Bookings of
// meetings the caller may not see show as busy only: no title, id or status.
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { can } from '../../policies/index.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import { presentRoom } from '../../presenters/meeting.ts';
import { rangeFor } from '../meetings/calendarRange.ts';

export interface RoomAvailability {
  from: string;
  to: string;
  rooms: Array<{
    room: ReturnType<typeof presentRoom>;
    bookings: Array<{
      meetingId: string | null;
      title: string | null;
      organiserUnitName: string;
      startAt: string;
      endAt: string;
      status: string | null;
    }>;
  }>;
}

/** Every room in use (roomIds null), or the rooms named. */
export async function roomAvailability(
  db: Db,
  subject: Subject,
  roomIds: string[] | null,
  query: { view: 'day' | 'week' | 'month'; date?: string | undefined; timeZone: string },
  now: Date,
): Promise<RoomAvailability> {
  const { from, to } = rangeFor(query, now);
  const rooms = await db.room.findMany({
    where: roomIds ? { id: { in: roomIds } } : { active: true },
    orderBy: { name: 'asc' },
  });
  const bookings = await db.roomBooking.findMany({
    where: { roomId: { in: rooms.map((r) => r.id) }, startAt: { lt: to }, endAt: { gt: from } },
    orderBy: { startAt: 'asc' },
    select: {
      roomId: true,
      startAt: true,
      endAt: true,
      meeting: {
        select: { ...meetingFactsSelect(subject.id), title: true, organiserUnit: { select: { name: true } } },
      },
    },
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    rooms: rooms.map((room) => ({
      room: presentRoom(room),
      bookings: bookings
        .filter((b) => b.roomId === room.id)
        .map((b) => {
          const visible = can(subject, 'meeting.view', meetingResource(b.meeting));
          return {
            meetingId: visible ? b.meeting.id : null,
            title: visible ? b.meeting.title : null,
            organiserUnitName: b.meeting.organiserUnit.name,
            startAt: b.startAt.toISOString(),
            endAt: b.endAt.toISOString(),
            status: visible ? b.meeting.status : null,
          };
        }),
    })),
  };
}
