// A meeting with its room and agenda titles, as the iCalendar file describes it.
import type { Db } from '../../db/client.ts';

export async function meetingCalendarEntry(db: Db, meetingId: string) {
  return db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: {
      room: { select: { name: true, location: true } },
      agendaItems: { orderBy: { position: 'asc' }, select: { title: true } },
    },
  });
}
