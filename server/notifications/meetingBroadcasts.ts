// Live counts for the people following a meeting (the organiser's reply board, the host's sign-in board): computed
// from the committed seats and pushed to the meeting's socket.io room.
import { attendanceSummary, rsvpSummary } from '../domain/meetings/attendance.ts';
import { seatFacts } from '../queries/meetings/seatFacts.ts';
import type { Services } from '../services.ts';
import { meetingRoom } from '../../common/socket/messages.ts';

/** What a meeting's live broadcasts are about: read by whom the meeting's page is for. */
export const meetingAbout = (meetingId: string) => ({ kind: 'meeting', id: meetingId }) as const;

export async function broadcastRsvp(svc: Services, meetingId: string): Promise<void> {
  await svc.notifications.broadcast(meetingAbout(meetingId), meetingRoom(meetingId), 'meeting:rsvp', {
    meetingId,
    summary: rsvpSummary(await seatFacts(svc.db, meetingId)),
  });
}

export async function broadcastAttendance(svc: Services, meetingId: string): Promise<void> {
  const meeting = await svc.db.meeting.findUnique({ where: { id: meetingId }, select: { startAt: true } });
  if (!meeting) return;
  await svc.notifications.broadcast(meetingAbout(meetingId), meetingRoom(meetingId), 'meeting:attendance', {
    meetingId,
    summary: attendanceSummary(await seatFacts(svc.db, meetingId), meeting.startAt, svc.clock.now()),
  });
}
