// The meeting's own course: the host starts it (at most half an hour early), ends it (an early end frees the room for
// the rest of the slot), and the minute-taker's finalised minutes close it.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { SIGN_IN_OPENS_BEFORE_MS } from '../../domain/meetings/attendance.ts';
import type { Tx } from '../../db/client.ts';
import { InvalidState } from '../../errors.ts';
import { meetingRoom } from '../../../common/socket/messages.ts';
import { meetingAbout } from '../../notifications/meetingBroadcasts.ts';
import type { Services } from '../../services.ts';
import { loadMeetingForChange } from '../../queries/meetings/meetingForChange.ts';
import { requireTransition } from '../../domain/meetings/meetingChecks.ts';
import { inTransaction } from '../../db/transaction.ts';

type LifecycleEvent = 'start' | 'end' | 'finalise_minutes';

async function changeStatus(
  svc: Services,
  ctx: RequestContext,
  meetingId: string,
  event: LifecycleEvent,
): Promise<void> {
  const { status, revision } = await inTransaction(svc, (tx) => changeMeetingStatusIn(tx, ctx, meetingId, event));
  await svc.notifications.broadcast(meetingAbout(meetingId), meetingRoom(meetingId), 'meeting:changed', {
    meetingId,
    status,
    revision,
  });
}

/**
 * The status change inside the caller's transaction (closing the minutes finalises the meeting with everything else);
 * the caller broadcasts `meeting:changed` with the result after its commit.
 */
export async function changeMeetingStatusIn(
  tx: Tx,
  ctx: RequestContext,
  meetingId: string,
  event: LifecycleEvent,
): Promise<{ status: string; revision: number }> {
  const m = await loadMeetingForChange(tx, meetingId);
  const to = requireTransition(m.status, event);
  if (event === 'start' && ctx.at.getTime() < m.startAt.getTime() - SIGN_IN_OPENS_BEFORE_MS) {
    throw new InvalidState('too_early', 'A meeting can be started at most 30 minutes before its start time');
  }
  const data = event === 'start' ? { startedAt: ctx.at } : event === 'end' ? { endedAt: ctx.at } : {};
  const updated = await tx.meeting.update({
    where: { id: meetingId },
    data: { status: to, updatedAt: ctx.at, ...data },
  });
  if (event === 'end' && ctx.at.getTime() < m.endAt.getTime()) {
    await tx.roomBooking.updateMany({ where: { meetingId, startAt: { lt: ctx.at } }, data: { endAt: ctx.at } });
  }
  await recordAudit(tx, ctx, {
    action: `meeting.${event}`,
    resourceType: 'meeting',
    resourceId: meetingId,
    detail: { from: m.status, to },
  });
  return { status: to, revision: updated.revision };
}

export function startMeeting(svc: Services, ctx: RequestContext, meetingId: string): Promise<void> {
  return changeStatus(svc, ctx, meetingId, 'start');
}

export function endMeeting(svc: Services, ctx: RequestContext, meetingId: string): Promise<void> {
  return changeStatus(svc, ctx, meetingId, 'end');
}
