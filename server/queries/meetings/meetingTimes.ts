// A meeting's status and time slot, as the sign-in window is computed from them.
import type { Db } from '../../db/client.ts';

export async function meetingTimes(db: Db, meetingId: string): Promise<{ status: string; startAt: Date; endAt: Date }> {
  return db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { status: true, startAt: true, endAt: true },
  });
}
