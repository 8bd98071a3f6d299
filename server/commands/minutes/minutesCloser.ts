// The host closes the confirmation: refused while an objection is unanswered or the meeting is still going on. The
// final version is frozen (content hash) and signed by the server, the meeting becomes minutes_finalised, and task
// proposals are made from the decision items and the plain numbered items for the supervisors (督查室) to review.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { localDate } from '../../domain/meetings/localTime.ts';
import { openObjections, type ConfirmationState } from '../../domain/minutes/minutesFlow.ts';
import { proposalsFromMinutes } from '../../domain/minutes/minutesProposals.ts';
import { loadDirectory } from '../../queries/minutes/directory.ts';
import { InvalidState } from '../../errors.ts';
import { meetingRoom } from '../../../common/socket/messages.ts';
import { meetingAbout } from '../../notifications/meetingBroadcasts.ts';
import { minutesSigningKey, signMinutes } from '../../security/minutesSignature.ts';
import { notice } from '../../notifications/notificationHub.ts';
import type { Services } from '../../services.ts';
import { changeMeetingStatusIn } from '../meetings/meetingLifecycle.ts';
import { inTransaction } from '../../db/transaction.ts';
import { createVersion } from '../documents/versionCreator.ts';
import { announceMinutes, minutesAbout, minutesLink } from '../../notifications/minutesBroadcasts.ts';
import { contentOf } from '../../domain/documents/documentContent.ts';
import { loadMinutes } from '../../queries/minutes/minutesRecord.ts';
import { moveMinutes } from './minutesMove.ts';
import { requireStep } from '../../domain/minutes/minutesStep.ts';
import { shareMinutesWithUnits } from './minutesSharer.ts';
import { syncProposals, type SyncResult } from './proposalSync.ts';

export interface CloseResult {
  versionId: string;
  contentHash: string;
  signature: string;
  proposals: SyncResult;
}

export async function closeMinutes(svc: Services, ctx: RequestContext, meetingId: string): Promise<CloseResult> {
  const minutes = await loadMinutes(svc.db, meetingId);
  const to = requireStep(minutes, 'close');
  const current = minutes.confirmations.filter((c) => c.round === minutes.round);
  const open = openObjections(current.map((c) => ({ ...c, state: c.state as ConfirmationState })));
  if (open.length > 0) {
    throw new InvalidState(
      'objections_open',
      `${open.length} objection(s) still need an answer from the minute-taker before the minutes can be closed`,
    );
  }
  const meeting = await svc.db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { title: true, status: true, startAt: true, timeZone: true, classification: true, minuteTakerId: true },
  });
  if (meeting.status !== 'ended' && meeting.status !== 'minutes_finalised') {
    throw new InvalidState('meeting_not_ended', 'End the meeting before closing its minutes');
  }
  // The text is read-only while confirming, so the version frozen here is exactly what the attendees confirmed.
  const version = await createVersion(svc, ctx, minutes.documentId, '签发稿 / signed final', 'confirmed');
  const drafts = proposalsFromMinutes(
    contentOf(await svc.collab.currentState(minutes.documentId)),
    localDate(meeting.startAt, meeting.timeZone),
    await loadDirectory(svc.db),
  );
  const closedById = ctx.actor?.id ?? '';
  const signature = signMinutes(minutesSigningKey(svc.keys.master), {
    meetingId,
    documentId: minutes.documentId,
    versionId: version.id,
    contentHash: version.contentHash,
    closedAt: ctx.at,
    closedById,
  });

  const outcome = await inTransaction(svc, async (tx) => {
    await moveMinutes(tx, meetingId, minutes.status, {
      status: to,
      closedAt: ctx.at,
      closedById,
      versionId: version.id,
      contentHash: version.contentHash,
      signature,
      updatedAt: ctx.at,
    });
    // Closing again after a reopen finds the meeting finalised already.
    const changed =
      meeting.status === 'ended' ? await changeMeetingStatusIn(tx, ctx, meetingId, 'finalise_minutes') : null;
    const proposals = await syncProposals(
      tx,
      { meetingId, documentId: minutes.documentId, classification: meeting.classification },
      drafts,
      ctx.at,
    );
    await recordAudit(tx, ctx, {
      action: 'minutes.close',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: {
        documentId: minutes.documentId,
        round: minutes.round,
        versionId: version.id,
        contentHash: version.contentHash,
        proposals,
      },
    });
    const attendees = current.map((c) => c.userId);
    const supervisorRows =
      proposals.created + proposals.updated > 0
        ? await tx.user.findMany({
            where: {
              disabled: false,
              adminRole: null,
              clearance: { gte: meeting.classification },
              roles: { some: { role: 'supervisor' } },
            },
            select: { id: true, unitId: true },
          })
        : [];
    const supervisors = supervisorRows.map((u) => u.id);
    await shareMinutesWithUnits(
      tx,
      minutes.documentId,
      supervisorRows.map((u) => u.unitId),
      closedById,
      ctx.at,
    );
    const recipients = [...new Set([...attendees, ...(meeting.minuteTakerId ? [meeting.minuteTakerId] : [])])].filter(
      (id) => id !== closedById,
    );
    const notices = await svc.notifications.create(
      tx,
      [
        ...recipients.map((userId) =>
          notice(
            userId,
            'minutes.closed',
            { meeting: meeting.title },
            minutesLink(minutes.documentId),
            minutesAbout(meetingId),
          ),
        ),
        ...supervisors.map((userId) =>
          notice(
            userId,
            'minutes.proposals',
            { meeting: meeting.title, created: proposals.created, updated: proposals.updated },
            `/supervision/proposals?meetingId=${meetingId}`,
            { kind: 'proposals', meetingId },
          ),
        ),
      ],
      ctx.at,
    );
    return { proposals, notices, changed };
  });
  await svc.notifications.publish(outcome.notices);
  if (outcome.changed)
    await svc.notifications.broadcast(meetingAbout(meetingId), meetingRoom(meetingId), 'meeting:changed', {
      meetingId,
      ...outcome.changed,
    });
  await announceMinutes(svc, meetingId, to, minutes.round);
  return { versionId: version.id, contentHash: version.contentHash, signature, proposals: outcome.proposals };
}
