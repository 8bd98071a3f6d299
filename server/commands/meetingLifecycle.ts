// The meeting's own course: the host starts it (at most half an hour early), ends it (an early end frees the room for
// the rest of the slot), and the minute-taker's finalised minutes close it.
import { recordAudit, type RequestContext } from '../audit/auditLog.ts';
import { SIGN_IN_OPENS_BEFORE_MS } from '../domain/meetings/attendance.ts';
import { InvalidState } from '../errors.ts';
import { meetingRoom } from '../realtime/messages.ts';
import type { Services } from '../services.ts';
import { loadMeetingForChange, requireTransition } from './meetingSupport.ts';
import { inTransaction } from './transaction.ts';

async function changeStatus(svc: Services, ctx: RequestContext, meetingId: string, event: 'start' | 'end' | 'finalise_minutes'): Promise<void> {
  const { status, revision } = await inTransaction(svc, async (tx) => {
    const m = await loadMeetingForChange(tx, meetingId);
    const to = requireTransition(m.status, event);
    if (event === 'start' && ctx.at.getTime() < m.startAt.getTime() - SIGN_IN_OPENS_BEFORE_MS) {
      throw new InvalidState('too_early', 'A meeting can be started at most 30 minutes before its start time');
    }
    const data = event === 'start' ? { startedAt: ctx.at } : event === 'end' ? { endedAt: ctx.at } : {};
    const updated = await tx.meeting.update({ where: { id: meetingId }, data: { status: to, updatedAt: ctx.at, ...data } });
    if (event === 'end' && ctx.at.getTime() < m.endAt.getTime()) {
      await tx.roomBooking.updateMany({ where: { meetingId, startAt: { lt: ctx.at } }, data: { endAt: ctx.at } });
    }
    await recordAudit(tx, ctx, { action: `meeting.${event}`, resourceType: 'meeting', resourceId: meetingId, detail: { from: m.status, to } });
    return { status: to, revision: updated.revision };
  });
  svc.notifications.broadcast(meetingRoom(meetingId), 'meeting:changed', { meetingId, status, revision });
}

export function startMeeting(svc: Services, ctx: RequestContext, meetingId: string): Promise<void> {
  return changeStatus(svc, ctx, meetingId, 'start');
}

export function endMeeting(svc: Services, ctx: RequestContext, meetingId: string): Promise<void> {
  return changeStatus(svc, ctx, meetingId, 'end');
}

/** Called when the minutes document is finalised (the minutes issue's finaliser, or the route for the minute-taker). */
export function markMinutesFinalised(svc: Services, ctx: RequestContext, meetingId: string): Promise<void> {
  return changeStatus(svc, ctx, meetingId, 'finalise_minutes');
}
