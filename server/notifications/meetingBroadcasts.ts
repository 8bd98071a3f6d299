// Live counts for the people following a meeting (the organiser's reply board, the host's sign-in board): computed
// from the committed seats and pushed to the meeting's socket.io room.
import { attendanceSummary, rsvpSummary, type SeatFacts } from '../domain/meetings/attendance.ts';
import type { RsvpState } from '../domain/meetings/vocabulary.ts';
import type { Db } from '../db/client.ts';
import type { Services } from '../services.ts';
import { meetingRoom } from '../realtime/messages.ts';

export async function seatFacts(db: Db, meetingId: string): Promise<SeatFacts[]> {
  const seats = await db.meetingParticipant.findMany({
    where: { meetingId },
    select: { userId: true, rsvp: true, signedInAt: true, user: { select: { unitId: true, unit: { select: { name: true, sortOrder: true } } } } },
    orderBy: [{ user: { unit: { sortOrder: 'asc' } } }, { createdAt: 'asc' }],
  });
  return seats.map((s) => ({ userId: s.userId, unitId: s.user.unitId, unitName: s.user.unit.name, rsvp: s.rsvp as RsvpState, signedInAt: s.signedInAt }));
}

export async function broadcastRsvp(svc: Services, meetingId: string): Promise<void> {
  svc.notifications.broadcast(meetingRoom(meetingId), 'meeting:rsvp', { meetingId, summary: rsvpSummary(await seatFacts(svc.db, meetingId)) });
}

export async function broadcastAttendance(svc: Services, meetingId: string): Promise<void> {
  const meeting = await svc.db.meeting.findUnique({ where: { id: meetingId }, select: { startAt: true } });
  if (!meeting) return;
  svc.notifications.broadcast(meetingRoom(meetingId), 'meeting:attendance', { meetingId, summary: attendanceSummary(await seatFacts(svc.db, meetingId), meeting.startAt, svc.clock.now()) });
}
