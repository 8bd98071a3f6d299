// A meeting as the meeting commands change it: its room, seats, invited units and agenda, read inside their
// transaction. 404 when there is no such meeting.
import type { Tx } from '../../db/client.ts';
import { NotFound } from '../../errors.ts';

export async function loadMeetingForChange(tx: Tx, meetingId: string) {
  const meeting = await tx.meeting.findUnique({
    where: { id: meetingId },
    include: {
      room: { select: { id: true, name: true, location: true, capacity: true } },
      participants: {
        select: {
          id: true,
          userId: true,
          role: true,
          rsvp: true,
          viaUnitId: true,
          substituteForId: true,
          signedInAt: true,
        },
      },
      unitInvites: true,
      agendaItems: { orderBy: { position: 'asc' } },
    },
  });
  if (!meeting) throw new NotFound('meeting');
  return meeting;
}

export type MeetingForChange = Awaited<ReturnType<typeof loadMeetingForChange>>;
