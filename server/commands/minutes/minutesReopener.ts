// The minute-taker reopens finalised or closed minutes for changes (an objection that needs the text changed, a
// correction after closing): the document is editable again and the attendees are told their confirmation will be
// asked anew at the next finalisation. Proposals and tasks already made stay; closing again only adds or refreshes.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { notice } from '../../notifications/notificationHub.ts';
import type { Services } from '../../services.ts';
import { stepDocumentWorkflow } from '../documents/documentWorkflowStepper.ts';
import { announceMinutes, minutesAbout, minutesLink } from '../../notifications/minutesBroadcasts.ts';
import { loadMinutes } from '../../queries/minutes/minutesRecord.ts';
import { moveMinutes } from './minutesMove.ts';
import { requireStep } from '../../domain/minutes/minutesStep.ts';
import { Conflict } from '../../errors.ts';

export async function reopenMinutes(
  svc: Services,
  ctx: RequestContext,
  meetingId: string,
  reason: string,
): Promise<{ status: string }> {
  const minutes = await loadMinutes(svc.db, meetingId);
  const to = requireStep(minutes, 'reopen');
  // 归档 froze them for good (archive package built from this version).
  const doc = await svc.db.document.findUniqueOrThrow({ where: { id: minutes.documentId }, select: { status: true } });
  if (doc.status === 'archived')
    throw new Conflict(
      'minutes_archived',
      'The minutes are archived and cannot be reopened (纪要已归档，不能重新打开)',
    );
  const meeting = await svc.db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { title: true } });
  await stepDocumentWorkflow(svc, ctx, minutes.documentId, 'reopen', reason, async (tx) => {
    await moveMinutes(tx, meetingId, minutes.status, { status: to, updatedAt: ctx.at });
    await recordAudit(tx, ctx, {
      action: 'minutes.reopen',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { from: minutes.status, round: minutes.round },
    });
    const asked = minutes.confirmations.filter((c) => c.round === minutes.round).map((c) => c.userId);
    return svc.notifications.create(
      tx,
      asked.map((userId) =>
        notice(
          userId,
          'minutes.reopened',
          { meeting: meeting.title, reason },
          minutesLink(minutes.documentId),
          minutesAbout(meetingId),
        ),
      ),
      ctx.at,
    );
  });
  await announceMinutes(svc, meetingId, to, minutes.round);
  return { status: to };
}
