// Cancels a meeting before it starts (会议取消): frees its room, keeps the record, and tells every participant why.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { meetingNotice } from '../../notifications/meetingNotices.ts';
import { meetingRoom } from '../../../common/socket/messages.ts';
import { meetingAbout } from '../../notifications/meetingBroadcasts.ts';
import type { Services } from '../../services.ts';
import { announce } from '../../notifications/announce.ts';
import { loadMeetingForChange } from '../../queries/meetings/meetingForChange.ts';
import { releaseRoom } from './roomBooking.ts';
import { requireTransition } from '../../domain/meetings/meetingChecks.ts';
import { inTransaction } from '../../db/transaction.ts';

export async function cancelMeeting(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
  reason: string,
): Promise<void> {
  const { created, classification, revision } = await inTransaction(svc, async (tx) => {
    const m = await loadMeetingForChange(tx, meetingId);
    requireTransition(m.status, 'cancel');
    const wasAnnounced = m.status === 'scheduled';
    const updated = await tx.meeting.update({
      where: { id: meetingId },
      data: {
        status: 'cancelled',
        cancelReason: reason,
        cancelledAt: ctx.at,
        updatedAt: ctx.at,
        ...(wasAnnounced ? { revision: { increment: 1 } } : {}),
      },
      include: { room: { select: { name: true, location: true } } },
    });
    await releaseRoom(tx, meetingId);
    const created = wasAnnounced
      ? await svc.notifications.create(
          tx,
          m.participants
            .filter((p) => p.userId !== subject.id)
            .map((p) => meetingNotice(p.userId, 'meeting.cancelled', updated)),
          ctx.at,
        )
      : [];
    await recordAudit(tx, ctx, {
      action: 'meeting.cancel',
      resourceType: 'meeting',
      resourceId: meetingId,
      // The reason is the organiser's own words, kept on the meeting; the audit trail records only that one was given.
      detail: { from: m.status, reasonGiven: reason.trim() !== '', notified: created.length },
    });
    return { created, classification: m.classification, revision: updated.revision };
  });
  await announce(svc, created, classification);
  await svc.notifications.broadcast(meetingAbout(meetingId), meetingRoom(meetingId), 'meeting:changed', {
    meetingId,
    status: 'cancelled',
    revision,
  });
}
